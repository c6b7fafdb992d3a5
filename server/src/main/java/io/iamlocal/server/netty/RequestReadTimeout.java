package io.iamlocal.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the time a client may take to send one whole request, from its first byte to its last. The
 * idle timeout cannot catch a slow-loris client that trickles a header byte every few seconds; this
 * does: such a client gets an AWS-style 408 and is disconnected, while others are served.
 *
 * <p>One instance per connection: {@link #arm()} sits before the HTTP codec and starts the clock on
 * the first bytes of a request, {@link #disarm()} sits after the aggregator and stops it when the
 * complete request arrives.
 *
 * <p>A kept-alive connection keeps one timer, not one per request: scheduling and cancelling a task
 * for each request cost an allocation and two queue updates on the event loop. When the timer fires
 * during a later request than the one that set it, it waits for that request's own time limit.
 */
final class RequestReadTimeout {
  static final String MESSAGE =
      "Your socket connection to the server was not read from or written to within the timeout period.";
  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  /**
   * When the request being read sent its first bytes ({@link System#nanoTime()}); {@link #NONE}
   * between requests.
   */
  private long requestStarted = NONE;

  /**
   * Counts the requests started, so that a firing timer knows whether it was set for the current
   * one.
   */
  private long requestNumber;

  private long timedRequest;

  /**
   * Set once the request has been answered by a timeout or a refusal: the clock never starts again.
   */
  private boolean stopped;

  private static final long NONE = Long.MIN_VALUE;

  RequestReadTimeout(long timeoutSeconds) {
    this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
  }

  ChannelHandler arm() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (requestStarted == NONE
            && !stopped
            && msg instanceof ByteBuf bytes
            && bytes.isReadable()) {
          requestStarted = System.nanoTime();
          requestNumber++;
          if (timer == null) {
            schedule(ctx, timeoutNanos);
          }
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
          requestStarted = NONE; // the timer stays scheduled for the connection's next request
        }
        ctx.fireChannelRead(msg);
      }
    };
  }

  /**
   * Stops the clock for good: the connection has been answered (a refused body) and will close, so
   * no 408 may follow that answer, however slowly the client sends the rest.
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

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    timedRequest = requestNumber;
    timer = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    if (stopped || !ctx.channel().isActive() || requestStarted == NONE) {
      return; // between requests: the next one schedules the timer again
    }
    if (timedRequest
        != requestNumber) { // set for an earlier request: this one has its own time limit
      long left = timeoutNanos - (System.nanoTime() - requestStarted);
      if (left > 0) {
        schedule(ctx, left);
        return;
      }
    }
    stopped = true;
    // Written from the end of the pipeline so that it goes through the HTTP encoder; then closed.
    ResponseWriter.writeProtocolError(ctx.pipeline().lastContext(), 408, MESSAGE);
  }
}
