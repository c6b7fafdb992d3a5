package io.iamlocal.server.netty;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestRouter;
import io.iamlocal.server.dispatch.WriteJournal;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
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
  /** The last response of a connection still waiting to be written, so that responses keep request order. */
  private static final AttributeKey<CompletableFuture<Void>> TAIL = AttributeKey.valueOf("iamlocal.responseTail");
  private final RequestRouter router;
  private final boolean durable;

  public AwsRequestHandler(RequestRouter router) {
    this(router, false);
  }

  /**
   * With {@code durable}, a response to a journalled write is sent once its journal entry is on
   * disk (completed by the journal's writer thread); the event loop never waits for it.
   */
  public AwsRequestHandler(RequestRouter router, boolean durable) {
    this.router = router;
    this.durable = durable;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      writeDecodingFailure(ctx, request.decoderResult().cause());
      return;
    }
    HttpResponseData response = router.route(toData(ctx, request));
    if (!durable) {
      ResponseWriter.write(ctx, request, response);
      return;
    }
    CompletableFuture<Void> pending = WriteJournal.takePending();
    CompletableFuture<Void> tail = ctx.channel().attr(TAIL).get();
    if (pending == null && (tail == null || tail.isDone())) {
      ResponseWriter.write(ctx, request, response);
      return;
    }
    // Wait for durability (and for earlier responses of this connection) off the event loop.
    request.retain();
    CompletableFuture<Void> written = new CompletableFuture<>();
    ctx.channel().attr(TAIL).set(written);
    CompletableFuture<Void> durableNow = pending == null ? CompletableFuture.completedFuture(null) : pending;
    CompletableFuture<Void> before = tail == null ? CompletableFuture.completedFuture(null) : tail;
    CompletableFuture.allOf(durableNow, before).whenComplete((ok, error) -> ctx.executor().execute(() -> {
      try {
        ResponseWriter.write(ctx, request, error == null ? response : notDurable(response));
      } finally {
        request.release();
        written.complete(null);
      }
    }));
  }

  /** A request Netty could not decode: 414 and 431 for the size limits, 400 for anything else. */
  private static void writeDecodingFailure(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      ResponseWriter.writeProtocolError(ctx, 414, "The request line is longer than this server accepts.");
    } else if (cause instanceof TooLongHttpHeaderException) {
      ResponseWriter.writeProtocolError(ctx, 431, "The request headers are larger than this server accepts.");
    } else if (cause instanceof StrictHttpServerCodec.AmbiguousFramingException) {
      ResponseWriter.writeProtocolError(ctx, 400, cause.getMessage());
    } else {
      ResponseWriter.writeProtocolError(ctx, 400, "The HTTP request could not be parsed.");
    }
  }

  /** The write took effect in memory but could not be made durable: the client must not take it as done. */
  private static HttpResponseData notDurable(HttpResponseData response) {
    String body = ErrorRenderer.render("https://iam.amazonaws.com/doc/2010-05-08/", AwsErrorCode.INTERNAL_FAILURE,
        "IAMLocal could not write this change to its data directory.", response.requestId());
    return HttpResponseData.xml(500, body, response.requestId());
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
