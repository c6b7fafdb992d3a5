package io.iamlocal.server.netty;

import io.iamlocal.server.dispatch.RequestRouter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Assembles the pipeline: HTTP codec, keep-alive, 100-continue, body aggregation, AWS handler. */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private static final int MAX_INITIAL_LINE = 16 * 1024;
  private static final int MAX_HEADER_BYTES = 32 * 1024;
  private final AwsRequestHandler handler;
  private final int maxBodyBytes;
  private final int idleTimeoutSeconds;

  public ServerInitializer(RequestRouter router, int maxBodyBytes, int idleTimeoutSeconds) {
    this(router, maxBodyBytes, idleTimeoutSeconds, false);
  }

  /** With {@code durable}, responses to writes wait (off the event loop) until their journal entry is on disk. */
  public ServerInitializer(RequestRouter router, int maxBodyBytes, int idleTimeoutSeconds, boolean durable) {
    this.handler = new AwsRequestHandler(router, durable);
    this.maxBodyBytes = maxBodyBytes;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.pipeline()
        .addLast(new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS))
        .addLast(new IdleConnectionCloser())
        .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192))
        .addLast(new HttpServerKeepAliveHandler())
        .addLast(new HttpServerExpectContinueHandler())
        .addLast(new BodyLimitAggregator(maxBodyBytes))
        .addLast(handler);
  }
}
