package io.iamlocal.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a client may take to send one whole request, from its first byte to its last.
 * The idle timeout cannot catch a slow-loris client that trickles a header byte every few seconds;
 * this does: such a client gets an AWS-style 408 and is disconnected, while others are served.
 *
 * <p>One instance per connection: {@link #arm()} sits before the HTTP codec and starts the clock
 * on the first bytes of a request, {@link #disarm()} sits after the aggregator and stops it when
 * the complete request arrives.
 */
final class RequestReadTimeout {
  static final String MESSAGE = "Your socket connection to the server was not read from or written to within the timeout period.";
  private final long timeoutSeconds;
  private ScheduledFuture<?> timer;
  /** Set once the request has been answered by a timeout or a refusal: the clock never starts again. */
  private boolean stopped;

  RequestReadTimeout(long timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  ChannelHandler arm() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (timer == null && !stopped && msg instanceof ByteBuf bytes && bytes.isReadable()) {
          timer = ctx.executor().schedule(() -> expire(ctx), timeoutSeconds, TimeUnit.SECONDS);
        }
        ctx.fireChannelRead(msg);
      }

      @Override
      public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        ctx.fireChannelInactive();
      }
    };
  }

  ChannelHandler disarm() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest) {
          cancel();
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /**
   * Stops the clock for good: the connection has been answered (a refused body) and will close, so no
   * 408 may follow that answer, however slowly the client sends the rest.
   */
  void abandon() {
    cancel();
    stopped = true;
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    if (stopped || !ctx.channel().isActive()) {
      return;
    }
    stopped = true;
    // Written from the end of the pipeline so that it goes through the HTTP encoder; then closed.
    ResponseWriter.writeProtocolError(ctx.pipeline().lastContext(), 408, MESSAGE);
  }
}
