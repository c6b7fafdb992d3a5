package io.iamlocal.server.netty;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes connections that stayed silent past the idle timeout, so idle clients cannot pile up, and
 * those whose client shut down its sending side (e.g. {@code nc -N}, or a request written then
 * {@code shutdown(SHUT_WR)}), once the answers already written to them are sent: responses are
 * flushed at the end of the event loop's iteration ({@link IterationFlush}), so closing at once, as
 * Netty does without half-closure, would drop an answer to a request read in the same iteration.
 */
final class IdleConnectionCloser extends ChannelDuplexHandler {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else if (evt instanceof ChannelInputShutdownEvent) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      super.userEventTriggered(ctx, evt);
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }
}
