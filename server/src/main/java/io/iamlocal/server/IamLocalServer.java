package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.auth.AccountCredentialResolver;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.QueryDispatcher;
import io.iamlocal.server.dispatch.RequestRouter;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.netty.ServerInitializer;
import io.iamlocal.server.s3.S3Dispatcher;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SignatureVerifier;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * An IAMLocal server: IAM and STS over HTTP on one port, with its own in-memory state. Several
 * may run in one JVM. Start it, use {@link #endpoint()}, close it.
 */
public final class IamLocalServer implements AutoCloseable {
  private final ServerConfig config;
  private final IamLocalState state;
  private final OperationRegistry registry;
  private final RequestLog requestLog;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;

  /** A server without a request log; prefer {@link IamLocal#builder()} for embedding. */
  public IamLocalServer(ServerConfig config) {
    this(config, RequestLog.NONE);
  }

  /**
   * A server that reports every AWS request to {@code requestLog}; the caller closes the log after
   * the server.
   */
  public IamLocalServer(ServerConfig config, RequestLog requestLog) {
    this.config = config;
    this.requestLog = requestLog;
    this.state = new IamLocalState(config.accountId(), config.rootAccessKeyId(), config.rootSecretKey(), config.clock());
    this.registry = OperationCatalog.build(ServiceModels.iam(), ServiceModels.sts());
  }

  /** Binds the port and starts serving; returns once requests are accepted. */
  public IamLocalServer start() throws InterruptedException {
    SignatureVerifier verifier = new SignatureVerifier(new AccountCredentialResolver(state), config.clock());
    CallerResolver callers = new CallerResolver();
    PolicyAuthorizer authorizer = new PolicyAuthorizer(config.enforce());
    QueryDispatcher dispatcher = new QueryDispatcher(registry, state, verifier, callers, authorizer, requestLog);
    RequestRouter router = new RequestRouter(dispatcher, state, new S3Dispatcher(state, verifier, callers, authorizer, requestLog));
    boss = new NioEventLoopGroup(1);
    workers = new NioEventLoopGroup();
    channel = new ServerBootstrap()
        .group(boss, workers)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ServerInitializer(router, config.maxBodyBytes(), config.idleTimeoutSeconds()))
        .bind(config.host(), config.port())
        .sync()
        .channel();
    return this;
  }

  /** The local address actually bound (the real port after port 0); only once started. */
  public InetSocketAddress boundAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The HTTP endpoint to give an SDK's endpointOverride or the CLI's --endpoint-url. */
  public URI endpoint() {
    InetSocketAddress address = boundAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** The configuration this server was built with. */
  public ServerConfig config() {
    return config;
  }

  /** The in-memory state: the account and its entities; {@code state().reset()} wipes it. */
  public IamLocalState state() {
    return state;
  }

  /** The operations this server serves. */
  public OperationRegistry registry() {
    return registry;
  }

  /** Stops serving and releases the port and event loop threads; safe if never started. */
  @Override
  public void close() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    if (boss != null) {
      boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
      workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** The vendored IAM and STS models, loaded once per JVM. */
  public static final class ServiceModels {
    private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");
    private static final ServiceModel STS = ServiceModel.load("sts-2011-06-15");

    private ServiceModels() {}

    public static ServiceModel iam() {
      return IAM;
    }

    public static ServiceModel sts() {
      return STS;
    }
  }
}
