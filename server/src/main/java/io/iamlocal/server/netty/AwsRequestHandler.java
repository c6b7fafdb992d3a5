package io.iamlocal.server.netty;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestRouter;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hands each aggregated request to the {@link RequestRouter} and writes its answer. The router's
 * work is in-memory and short, so it runs on the event loop.
 */
@ChannelHandler.Sharable
public final class AwsRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final RequestRouter router;

  public AwsRequestHandler(RequestRouter router) {
    this.router = router;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      ResponseWriter.writeProtocolError(ctx, request, 400, "The HTTP request could not be parsed.");
      return;
    }
    HttpResponseData response = router.route(toData(ctx, request));
    ResponseWriter.write(ctx, request, response);
  }

  private static HttpRequestData toData(ChannelHandlerContext ctx, FullHttpRequest request) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    Map<String, List<String>> headers = new HashMap<>();
    request.headers().forEach(h -> headers.computeIfAbsent(h.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.getValue()));
    byte[] body = ByteBufUtil.getBytes(request.content());
    SocketAddress remote = ctx.channel().remoteAddress();
    String ip = remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : "127.0.0.1";
    boolean secure = ctx.pipeline().get(SslHandler.class) != null;
    return new HttpRequestData(request.method().name(), path, query, headers, body, ip, secure);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
