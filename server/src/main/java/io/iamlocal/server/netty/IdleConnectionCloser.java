package io.iamlocal.server.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes connections that stayed silent past the idle timeout, so idle clients cannot pile up; and
 * sends what was written to a connection whose client has shut down its sending side (e.g. {@code
 * nc -N}, or a request written then {@code shutdown(SHUT_WR)}) before Netty closes it: responses
 * are flushed at the end of the event loop's iteration ({@link IterationFlush}), after the close
 * that follows the end of the input within the same read.
 */
final class IdleConnectionCloser extends ChannelDuplexHandler {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      ctx.close();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  /**
   * The read that met the end of the input closes the connection right after this event (Netty's
   * half-closure option stays off: GetUser runs with it read lower, though within the bench's
   * noise), so the answers to the requests it carried are flushed here.
   */
  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.fireChannelReadComplete();
    if (ctx.channel().unsafe().recvBufAllocHandle().lastBytesRead() < 0) {
      ctx.channel().flush(); // from the tail: through the TLS handler, which is after this one
    }
  }
}
