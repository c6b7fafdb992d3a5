package io.iamlocal.server.netty;

import io.iamlocal.server.RequestRouter;
import io.iamlocal.server.TransportConfig;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.OptionalSslHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
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
    RequestReadTimeout readTimeout = new RequestReadTimeout(transport.requestTimeoutSeconds());
    ch.pipeline()
        .addLast(new IdleStateHandler(0, 0, idleTimeoutSeconds, TimeUnit.SECONDS))
        .addLast(new IdleConnectionCloser());
    if (ssl != null) {
      ch.pipeline().addLast(new OptionalSslHandler(ssl));
    }
    ch.pipeline()
        .addLast(readTimeout.arm())
        .addLast(
            new StrictHttpServerCodec(transport.maxInitialLineBytes(), transport.maxHeaderBytes()))
        .addLast(new HttpServerKeepAliveHandler())
        .addLast(new HttpServerExpectContinueHandler())
        .addLast(new BodyLimitAggregator(maxBodyBytes, readTimeout::abandon))
        .addLast(readTimeout.disarm())
        .addLast(handler);
  }
}
