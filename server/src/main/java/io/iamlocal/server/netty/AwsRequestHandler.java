package io.iamlocal.server.netty;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.server.RequestRouter;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.WriteJournal;
import io.iamlocal.sigv4.ReceivedHeaders;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AttributeKey;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands each aggregated request to the {@link RequestRouter} and writes its answer. The router's
 * work is in-memory and short, so it runs on the event loop, except policy simulations ({@link
 * HeavyRequests}), which run on a thread of their own. Whatever is thrown, the client gets an
 * AWS-style error ({@link LastResortAnswer}).
 */
@ChannelHandler.Sharable
public final class AwsRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /**
   * The last response of a connection still waiting to be written, so that responses keep request
   * order.
   */
  private static final Logger LOG = Logger.getLogger(AwsRequestHandler.class.getName());

  private static final AttributeKey<CompletableFuture<Void>> TAIL =
      AttributeKey.valueOf("iamlocal.responseTail");
  private final RequestRouter router;
  private final Executor heavyWork;

  /**
   * A handler whose heavy requests (policy simulations) run on {@link HeavyRequests#executor()}. A
   * response to a journalled write is sent once its journal entry is on disk (completed by the
   * journal's writer thread); the event loop never waits for it.
   */
  public AwsRequestHandler(RequestRouter router) {
    this.router = router;
    this.heavyWork = HeavyRequests.executor();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      writeDecodingFailure(ctx, request.decoderResult().cause());
      return;
    }
    HttpRequestData data = toData(ctx, request);
    if (HeavyRequests.isHeavy(data)) {
      // Simulations may take milliseconds: they run on their own thread, never delaying this event
      // loop's other clients.
      CompletableFuture<Routed> later;
      try {
        later = CompletableFuture.supplyAsync(() -> route(data), heavyWork);
      } catch (RejectedExecutionException e) {
        later = CompletableFuture.completedFuture(new Routed(HeavyRequests.tooMany(), null));
      }
      respondLater(ctx, request, later);
      return;
    }
    Routed routed = route(data);
    CompletableFuture<Void> tail = ctx.channel().attr(TAIL).get();
    if (routed.durable() == null && (tail == null || tail.isDone())) {
      ResponseWriter.write(ctx, request, routed.response());
      return;
    }
    respondLater(ctx, request, CompletableFuture.completedFuture(routed));
  }

  /** A routed request's answer, and the durability it must wait for (null: none). */
  private record Routed(HttpResponseData response, CompletableFuture<Void> durable) {}

  private Routed route(HttpRequestData data) {
    try {
      HttpResponseData response = router.route(data);
      return new Routed(response, WriteJournal.takePending());
    } catch (
        Throwable
            failure) { // the last line of defence: every request gets an answer and a log line
      WriteJournal.takePending();
      return new Routed(LastResortAnswer.to(data.method(), data.rawPath(), failure), null);
    }
  }

  /**
   * Writes the answer once it is routed, durable, and every earlier response of this connection is
   * written (responses keep request order), on the connection's event loop; the loop never waits.
   */
  private static void respondLater(
      ChannelHandlerContext ctx, FullHttpRequest request, CompletableFuture<Routed> routed) {
    request.retain();
    CompletableFuture<Void> tail = ctx.channel().attr(TAIL).get();
    CompletableFuture<Void> written = new CompletableFuture<>();
    ctx.channel().attr(TAIL).set(written);
    CompletableFuture<HttpResponseData> answer =
        routed.thenCompose(
            r ->
                r.durable() == null
                    ? CompletableFuture.completedFuture(r.response())
                    : r.durable()
                        .handle(
                            (ok, error) ->
                                error == null ? r.response() : notDurable(r.response())));
    CompletableFuture<Void> before = tail == null ? CompletableFuture.completedFuture(null) : tail;
    CompletableFuture.allOf(answer, before)
        .whenComplete(
            (ok, error) ->
                ctx.executor()
                    .execute(
                        () -> {
                          try {
                            HttpResponseData response =
                                answer.isCompletedExceptionally()
                                    ? LastResortAnswer.to(
                                        request.method().name(), request.uri(), unwrap(answer))
                                    : answer.join();
                            ResponseWriter.write(ctx, request, response);
                          } finally {
                            request.release();
                            written.complete(null);
                          }
                        }));
  }

  private static Throwable unwrap(CompletableFuture<?> failed) {
    try {
      failed.join();
      return new IllegalStateException("not failed");
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (RuntimeException e) {
      return e;
    }
  }

  /** A request Netty could not decode: 414 and 431 for the size limits, 400 for anything else. */
  private static void writeDecodingFailure(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongHttpLineException) {
      ResponseWriter.writeProtocolError(
          ctx, 414, "The request line is longer than this server accepts.");
    } else if (cause instanceof TooLongHttpHeaderException) {
      ResponseWriter.writeProtocolError(
          ctx, 431, "The request headers are larger than this server accepts.");
    } else if (cause instanceof StrictHttpServerCodec.AmbiguousFramingException) {
      ResponseWriter.writeProtocolError(ctx, 400, cause.getMessage());
    } else {
      ResponseWriter.writeProtocolError(ctx, 400, "The HTTP request could not be parsed.");
    }
  }

  /**
   * The write could not be made durable (and the journal has rolled memory back to the disk): the
   * client must not take it as done. AWS's retryable 503, as for writes refused up front.
   */
  private static HttpResponseData notDurable(HttpResponseData response) {
    String body =
        ErrorRenderer.render(
            ErrorRenderer.IAM_NAMESPACE,
            AwsErrorCode.SERVICE_UNAVAILABLE,
            "IAMLocal could not write this change to its data directory, so it was not made.",
            response.requestId());
    return HttpResponseData.xml(503, body, response.requestId());
  }

  private static HttpRequestData toData(ChannelHandlerContext ctx, FullHttpRequest request) {
    String uri = request.uri();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    ConnectionFacts connection = ConnectionFacts.of(ctx);
    Map<String, List<String>> headers = headers(request.headers(), connection);
    byte[] body = ByteBufUtil.getBytes(request.content());
    return new HttpRequestData(
        request.method().name(),
        path,
        query,
        headers,
        body,
        connection.remoteIp,
        connection.secure);
  }

  /**
   * The headers by lower-case name, handed to the signature verifier's request as they are ({@link
   * ReceivedHeaders}: not copied again).
   */
  static Map<String, List<String>> headers(HttpHeaders received, ChannelHandlerContext ctx) {
    return headers(received, ConnectionFacts.of(ctx));
  }

  private static Map<String, List<String>> headers(
      HttpHeaders received, ConnectionFacts connection) {
    ReceivedHeaders.Builder headers = ReceivedHeaders.builder(received.size());
    for (Iterator<Map.Entry<CharSequence, CharSequence>> it = received.iteratorCharSequence();
        it.hasNext(); ) {
      Map.Entry<CharSequence, CharSequence> header = it.next();
      String name = KnownHeaderNames.lowerCase(header.getKey());
      headers.add(name, connection.same(name, header.getValue().toString()));
    }
    return headers.build();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof java.io.IOException) {
      ctx.close();
      return;
    }
    // A failure in the pipeline before a request reached this handler (buffers for a body when the
    // heap is full, say): answer it as AWS would, then close, since the rest of the bytes are lost.
    boolean heapFull =
        cause instanceof OutOfMemoryError || cause.getCause() instanceof OutOfMemoryError;
    LOG.log(
        Level.WARNING,
        "connection " + ctx.channel().remoteAddress() + " answered and closed after a failure",
        cause);
    ResponseWriter.writeProtocolError(
        ctx,
        heapFull ? 503 : 500,
        heapFull
            ? "IAMLocal is out of memory; retry later, or give it a larger -Xmx."
            : "The request processing has failed because of an unknown error, exception or failure.");
  }
}
