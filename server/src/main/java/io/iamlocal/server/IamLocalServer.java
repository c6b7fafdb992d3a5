package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.analyzer.LeastPrivilegeEndpoint;
import io.iamlocal.server.auth.AccountCredentialResolver;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.console.ConsoleHandler;
import io.iamlocal.server.dispatch.BrowserGuard;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.QueryDispatcher;
import io.iamlocal.server.dispatch.StateEndpoint;
import io.iamlocal.server.dispatch.WriteJournal;
import io.iamlocal.server.durable.Durability;
import io.iamlocal.server.jsonapi.JsonApiDispatcher;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.netty.NativeTransport;
import io.iamlocal.server.netty.ServerInitializer;
import io.iamlocal.server.s3.S3Dispatcher;
import io.iamlocal.server.seed.SeedApplier;
import io.iamlocal.server.seed.SeedFile;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.IdGenerator;
import io.iamlocal.server.state.Tape;
import io.iamlocal.server.tls.TlsMaterial;
import io.iamlocal.server.trail.Trail;
import io.iamlocal.server.trail.TrailFileWriter;
import io.iamlocal.sigv4.SignatureVerifier;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.NettyRuntime;
import io.netty.util.internal.SystemPropertyUtil;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An IAMLocal server: IAM and STS over HTTP on one port, with its own in-memory state. Several may
 * run in one JVM. Start it, use {@link #endpoint()}, close it.
 */
public final class IamLocalServer implements AutoCloseable {
  private final ServerConfig config;
  private final IamLocalState state;

  /** Whether {@link #prepareTransport} has started its thread in this JVM. */
  private static final AtomicBoolean TRANSPORT_PREPARED = new AtomicBoolean();

  /** Operations registered by {@link #prepareOperations} for the next server constructed. */
  private static final AtomicReference<FutureTask<OperationRegistry>> PREPARED =
      new AtomicReference<>();

  /** Built on its own thread from construction on, while {@link #start} sets up the transport. */
  private final FutureTask<OperationRegistry> registry;

  private final RequestLog requestLog;
  private final TransportConfig transport;
  private TlsMaterial tls;
  private Durability durability;
  private Trail trail = Trail.NONE;
  private EventLoopGroup boss;
  private EventLoopGroup workers;
  private Channel channel;
  private volatile RequestRouter router;

  /** A server without a request log; prefer {@link IamLocal#builder()} for embedding. */
  public IamLocalServer(ServerConfig config) {
    this(config, RequestLog.NONE, TransportConfig.defaults());
  }

  /**
   * A server that reports every AWS request to {@code requestLog} (the caller closes the log after
   * the server), with the connection limits and TLS settings of {@code transport}.
   */
  public IamLocalServer(ServerConfig config, RequestLog requestLog, TransportConfig transport) {
    this.config = config;
    this.requestLog = requestLog;
    this.transport = transport;
    // With a data directory, clock and IDs go through each write's tape, so the journal can replay
    // them.
    this.state =
        config.dataDir() == null
            ? new IamLocalState(
                config.accountId(),
                config.rootAccessKeyId(),
                config.rootSecretKey(),
                config.clock())
            : new IamLocalState(
                config.accountId(),
                config.rootAccessKeyId(),
                config.rootSecretKey(),
                Tape.clock(config.clock()),
                new IdGenerator(true));
    FutureTask<OperationRegistry> prepared = PREPARED.getAndSet(null);
    this.registry = prepared != null ? prepared : registerOperations();
  }

  /**
   * Starts registering the next server's operations on their own thread now (the command line does
   * this before it sets up logging); the next server constructed in this JVM takes them instead of
   * starting its own.
   */
  public static void prepareOperations() {
    if (PREPARED.get() == null) {
      PREPARED.compareAndSet(null, registerOperations());
    }
  }

  /**
   * Starts, on a thread of its own, the one-time work the first connection would otherwise wait for
   * ({@link ServerInitializer#warmUp}): the command line calls it first thing, so that it runs
   * beside the main thread's set-up. A failure there only leaves that work to the first connection.
   */
  public static void prepareTransport() {
    if (!TRANSPORT_PREPARED.compareAndSet(false, true)) {
      return;
    }
    Thread transport =
        new Thread(
            () -> {
              try {
                ServerInitializer.warmUp();
              } catch (RuntimeException | LinkageError e) {
                // the server's own start reports anything that matters
              }
            },
            "iamlocal-transport");
    transport.setDaemon(true);
    transport.start();
  }

  private static FutureTask<OperationRegistry> registerOperations() {
    FutureTask<OperationRegistry> registry =
        new FutureTask<>(
            () -> OperationCatalog.forServing(ServiceModels.iam(), ServiceModels.sts()));
    Thread operations = new Thread(registry, "iamlocal-operations");
    operations.setDaemon(true);
    operations.start();
    return registry;
  }

  /**
   * Binds the port and starts serving; returns once requests are accepted. The port is bound while
   * the operations are still being registered on their own thread (both cores work at start), but
   * nothing is read from it until the server can answer every call: a client that connects early
   * waits in the backlog for a complete server.
   */
  public IamLocalServer start() throws InterruptedException {
    SeedFile seed = config.initFile() == null ? null : SeedFile.read(config.initFile());
    if (transport.tls().enabled()) {
      tls = TlsMaterial.of(transport.tls(), config.host());
    }
    ReadyPipeline pipeline = new ReadyPipeline();
    NativeTransport transportKind = NativeTransport.chosen();
    boss = transportKind.group(1);
    workers = transportKind.group(eventLoopThreads());
    channel =
        new ServerBootstrap()
            .group(boss, workers)
            .channel(transportKind.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.AUTO_READ, false)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(pipeline)
            .bind(config.host(), config.port())
            .sync()
            .channel();
    SignatureVerifier verifier =
        new SignatureVerifier(new AccountCredentialResolver(state), config.clock());
    CallerResolver callers = new CallerResolver();
    PolicyAuthorizer authorizer =
        new PolicyAuthorizer(config.enforcementMode(), transport.safeguards().denialLogSize());
    trail =
        new Trail(
            config.cloudTrailEvents(),
            config.cloudTrailDir() == null || config.cloudTrailEvents() == 0
                ? null
                : new TrailFileWriter(config.cloudTrailDir()));
    JsonApiDispatcher jsonApis =
        new JsonApiDispatcher(
            state, verifier, callers, authorizer, requestLog, JsonServices.of(trail));
    S3Dispatcher s3 =
        new S3Dispatcher(
            state,
            verifier,
            callers,
            authorizer,
            requestLog,
            config.s3MaxObjectSize(),
            transport.safeguards().s3MaxTotalBytes(),
            trail);
    // Only what follows needs the operations: wait for their thread here.
    OperationRegistry registry = registry();

    if (config.dataDir() != null) {
      durability =
          Durability.open(
              config.dataDir(),
              state,
              registry,
              (target, json) ->
                  SeedApplier.applyAll(
                      registry,
                      target,
                      config.region(),
                      SeedFile.fromJson("journalled seed", json)));
    }
    if (seed != null) {
      applySeed(registry, seed);
    }
    QueryDispatcher dispatcher =
        new QueryDispatcher(
            registry,
            state,
            verifier,
            callers,
            authorizer,
            requestLog,
            durability == null ? WriteJournal.NONE : durability,
            trail);
    router =
        new RequestRouter(
            dispatcher,
            state,
            s3,
            new StateEndpoint(state, verifier),
            durability == null ? null : durability::reset,
            config.console()
                ? new ConsoleHandler(
                    state, registry, config.rootAccessKeyId(), config.region(), config.enforce())
                : null,
            durability == null ? () -> null : durability::problem,
            new BrowserGuard(config.host(), transport.safeguards().allowedHosts()),
            jsonApis,
            config.console() ? new LeastPrivilegeEndpoint(state, trail) : null);
    pipeline.ready(
        new ServerInitializer(
            router,
            config.maxBodyBytes(),
            config.idleTimeoutSeconds(),
            transport,
            tls == null ? null : tls.serverContext(),
            config.clock()));
    channel.config().setAutoRead(true);

    return this;
  }

  /**
   * One event loop per core: handlers never block, so Netty's default of two per core only adds
   * context switches (measured: bench/results/design-measurements.md). {@code
   * -Dio.netty.eventLoopThreads} still overrides it.
   */
  private static int eventLoopThreads() {
    return SystemPropertyUtil.getInt(
        "io.netty.eventLoopThreads", NettyRuntime.availableProcessors());
  }

  /**
   * Applies a seed file: always in memory; with a data directory only when its state is empty,
   * journalled.
   */
  private void applySeed(OperationRegistry registry, SeedFile seed) {
    if (durability == null) {
      SeedApplier.applyAll(registry, state, config.region(), seed);
    } else if (durability.startedEmpty()) {
      durability
          .journalSeed(
              seed.toJson(), () -> SeedApplier.applyAll(registry, state, config.region(), seed))
          .join();
    }
  }

  /**
   * Wipes the state as {@code POST /moto-api/reset} does; with a data directory, returns once the
   * reset is durable.
   */
  public void reset() {
    if (durability == null) {
      state.reset();
    } else {
      durability.reset().join();
    }
  }

  /** The durable store's replay figures, or null without a data directory. */
  public Durability durability() {
    return durability;
  }

  /** The local address actually bound (the real port after port 0); only once started. */
  public InetSocketAddress boundAddress() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The HTTP endpoint to give an SDK's endpointOverride or the CLI's --endpoint-url. */
  public URI endpoint() {
    InetSocketAddress address = boundAddress();
    String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
    return URI.create((tls == null ? "http://" : "https://") + host + ":" + address.getPort());
  }

  /** The connection limits and TLS settings this server was built with. */
  public TransportConfig transport() {
    return transport;
  }

  /**
   * With TLS, the PEM certificate clients should trust (e.g. {@code AWS_CA_BUNDLE}): the generated
   * local CA, or the certificate file given; null without TLS or before start.
   */
  public java.nio.file.Path tlsTrustFile() {
    return tls == null ? null : tls.trustFile();
  }

  /**
   * The router the event loops hand each request to, null before {@link #start}: a benchmark calls
   * it to measure the dispatch path without sockets.
   */
  public RequestRouter router() {
    return router;
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
    try {
      return registry.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the operations were registered", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    }
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
    if (durability != null) {
      durability.close();
    }
    trail.close();
  }

  /** The in-memory CloudTrail trail (empty with {@code cloudTrailEvents} 0). */
  public Trail trail() {
    return trail;
  }

  /**
   * The connections' pipeline, given once the server is complete. The server channel reads
   * (accepts) nothing before, so no connection gets here earlier.
   */
  @ChannelHandler.Sharable
  private static final class ReadyPipeline extends ChannelInitializer<SocketChannel> {
    private volatile ServerInitializer pipeline;

    void ready(ServerInitializer pipeline) {
      this.pipeline = pipeline;
    }

    @Override
    protected void initChannel(SocketChannel connection) {
      connection.pipeline().addLast(pipeline);
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
