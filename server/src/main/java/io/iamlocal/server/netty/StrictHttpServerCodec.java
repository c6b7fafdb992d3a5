package io.iamlocal.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * Netty's {@code HttpServerCodec}, minus its leniency about message framing, which is what request
 * smuggling exploits: a request with both {@code Content-Length} and {@code Transfer-Encoding}, or
 * a {@code Transfer-Encoding} other than exactly {@code chunked}, is marked as a decoding failure
 * (answered 400, connection closed) instead of being reinterpreted. Like Netty's codec, it
 * remembers each request's method so that responses to HEAD carry no body.
 */
final class StrictHttpServerCodec
    extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {
  static final String CONFLICTING_FRAMING =
      "The request has both Content-Length and Transfer-Encoding.";
  static final String UNSUPPORTED_TRANSFER_ENCODING =
      "The only Transfer-Encoding accepted is chunked.";
  private final Queue<HttpMethod> methods = new ArrayDeque<>();

  StrictHttpServerCodec(int maxInitialLineBytes, int maxHeaderBytes) {
    HttpDecoderConfig config =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(maxInitialLineBytes)
            .setMaxHeaderSize(maxHeaderBytes)
            .setMaxChunkSize(8192);
    init(new Decoder(config), new Encoder());
  }

  private final class Decoder extends HttpRequestDecoder {
    Decoder(HttpDecoderConfig config) {
      super(config);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
        throws Exception {
      int before = out.size();
      super.decode(ctx, buffer, out);
      for (int i = before; i < out.size(); i++) {
        if (out.get(i) instanceof HttpRequest request) {
          methods.add(request.method());
          String problem = framingProblem(request);
          if (problem != null && request.decoderResult().isSuccess()) {
            request.setDecoderResult(DecoderResult.failure(new AmbiguousFramingException(problem)));
          }
        }
      }
    }

    /**
     * Netty would drop Content-Length and go by the chunks; RFC 9112 lets a server refuse instead.
     */
    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
      throw new AmbiguousFramingException(CONFLICTING_FRAMING);
    }
  }

  private final class Encoder extends HttpResponseEncoder {
    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
      // An interim 100 Continue answers no request by itself, so it must not take the method.
      HttpMethod method =
          msg.status().codeClass() == HttpStatusClass.INFORMATIONAL ? null : methods.poll();
      return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
    }
  }

  /** A request whose body length could be read two ways; its message is the client's answer. */
  static final class AmbiguousFramingException extends IllegalArgumentException {
    AmbiguousFramingException(String message) {
      super(message);
    }
  }

  /** Why the request's body framing is ambiguous, or null when it is not. */
  static String framingProblem(HttpRequest request) {
    List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (codings.isEmpty()) {
      return null;
    }
    if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      return CONFLICTING_FRAMING;
    }
    if (codings.size() != 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim())) {
      return UNSUPPORTED_TRANSFER_ENCODING;
    }
    return null;
  }
}
