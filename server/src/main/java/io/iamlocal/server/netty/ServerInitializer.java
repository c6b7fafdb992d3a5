package io.iamlocal.server.netty;

import io.iamlocal.server.RequestRouter;
import io.iamlocal.server.TransportConfig;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Assembles the pipeline: idle timeout, optional TLS, request read timeout, strict HTTP codec (size
 * limits, no ambiguous framing), keep-alive, 100-continue, body aggregation, AWS handler.
 */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {
  private final AwsRequestHandler handler;
  private final int maxBodyBytes;
  private final int idleTimeoutSeconds;
  private final TransportConfig transport;
  private final SslContext ssl;
  private final Clock clock;

  /**
   * With the connection limits of {@code transport}, and TLS when {@code ssl} is not null (then
   * each connection may speak TLS or plain HTTP, detected from its first bytes). Responses are
   * dated by {@code clock}.
   */
  public ServerInitializer(
      RequestRouter router,
      int maxBodyBytes,
      int idleTimeoutSeconds,
      TransportConfig transport,
      SslContext ssl,
      Clock clock) {
    this.handler =
        new AwsRequestHandler(
            router); // waits for a write's durability whenever the journal left one pending
    this.maxBodyBytes = maxBodyBytes;
    this.idleTimeoutSeconds = idleTimeoutSeconds;
    this.transport = transport;
    this.ssl = ssl;
    this.clock = clock;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ch.attr(ResponseWriter.CLOCK).set(clock);
    addHandlers(ch.pipeline(), ssl == null ? null : new OptionalSslHandler(ssl), handler);
  }

  /**
   * The pipeline in front of {@code answer}, with {@code tls} (may be null) after the idle timer.
   */
  private void addHandlers(ChannelPipeline pipeline, ChannelHandler tls, ChannelHandler answer) {
    RequestReadTimeout readTimeout = new RequestReadTimeout(transport.requestTimeoutSeconds());
    pipeline
        .addLast(new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS))
        .addLast(new IdleConnectionCloser());
    if (tls != null) {
      pipeline.addLast(tls);
    }
    pipeline
        .addLast(readTimeout.arm())
        .addLast(
            new StrictHttpServerCodec(transport.maxInitialLineBytes(), transport.maxHeaderBytes()))
        .addLast(new HttpServerKeepAliveHandler())
        .addLast(new HttpServerExpectContinueHandler())
        .addLast(new BodyLimitAggregator(maxBodyBytes, readTimeout::abandon))
        .addLast(readTimeout.disarm())
        .addLast(answer);
  }

  /**
   * Does, on the calling thread, the one-time work that the first connection would otherwise do
   * before its first answer: Netty's native transport chosen and loaded, and one request taken
   * through this pipeline on an in-memory channel (the HTTP codec's classes initialised, the
   * handlers' annotations read for their event masks, a response encoded). The command line runs it
   * on a thread of its own at start, beside the main thread (see {@link
   * io.iamlocal.server.IamLocalServer#prepareTransport}).
   *
   * @return whether the request was answered with 200, as the server answers it
   */
  public static boolean warmUp() {
    NativeTransport.chosen();
    ServerInitializer initializer =
        new ServerInitializer(null, 1024, 60, TransportConfig.defaults(), null, Clock.systemUTC());
    EmbeddedChannel channel = new EmbeddedChannel();
    initializer.addHandlers(channel.pipeline(), null, new WarmUpAnswer());
    channel.writeInbound(
        Unpooled.copiedBuffer(
            "GET /_iamlocal/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            StandardCharsets.US_ASCII));
    ByteBuf answer = channel.readOutbound();
    try {
      return answer != null
          && answer.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200 OK\r\n");
    } finally {
      ReferenceCountUtil.release(answer);
      channel.finishAndReleaseAll();
    }
  }

  /** Answers the warm-up request as the server answers a health check. */
  private static final class WarmUpAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      ResponseWriter.write(ctx, request, HttpResponseData.json(200, "{}", "warm-up"));
    }
  }
}
