package io.iamlocal.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;

/**
 * Netty's aggregator, answering an oversized body with AWS's XML error instead of an empty 413.
 *
 * <p>The connection is not closed as soon as the 413 is written. The client is usually still
 * sending the body, and a socket closed with unread data answers those bytes with a TCP reset,
 * which makes the client's kernel discard the 413 before the client reads it. About one 10 MB
 * upload in ten lost its answer that way. So the rest of the body is read and dropped, and the
 * connection closes at its end, or after {@link #DRAIN_SECONDS} at the latest.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  static final long DRAIN_SECONDS = 5;
  private final int maxBytes;
  private final Runnable onRefused;
  private boolean draining;

  /**
   * {@code onRefused} runs when a body is refused, before the 413 is written (stops the request
   * timer).
   */
  BodyLimitAggregator(int maxBytes, Runnable onRefused) {
    super(maxBytes);
    this.maxBytes = maxBytes;
    this.onRefused = onRefused;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    onRefused.run();
    // Written below HttpServerKeepAliveHandler, which closes the connection as soon as a
    // "Connection: close" response has gone out.
    ChannelHandlerContext belowKeepAlive = ctx.pipeline().context(HttpServerKeepAliveHandler.class);
    ResponseWriter.writeProtocolErrorLeavingOpen(
        belowKeepAlive != null ? belowKeepAlive : ctx,
        413,
        "Request body is larger than the " + maxBytes + " bytes this server accepts.");
    draining = true;
    ctx.executor()
        .schedule(
            () -> {
              ctx.close();
            },
            DRAIN_SECONDS,
            TimeUnit.SECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (!draining) {
      super.channelRead(ctx, msg);
      return;
    }
    boolean last = msg instanceof LastHttpContent;
    ReferenceCountUtil.release(msg);
    if (last) {
      ctx.close();
    }
  }
}
