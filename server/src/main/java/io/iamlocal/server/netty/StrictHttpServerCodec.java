package io.iamlocal.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.AsciiString;
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
            .setMaxChunkSize(8192)
            .setTrailersFactory(SMALL_TRAILERS);
    init(new Decoder(config), new Encoder());
  }

  /**
   * Every request body ends with a set of trailers, nearly always empty: made with Netty's smallest
   * table (2 slots) rather than the 16 meant for request headers, and validated as trailers still.
   */
  private static final HttpHeadersFactory SMALL_TRAILERS =
      new HttpHeadersFactory() {
        private final DefaultHttpHeadersFactory trailers =
            DefaultHttpHeadersFactory.trailersFactory();

        @Override
        public HttpHeaders newHeaders() {
          return trailers.newEmptyHeaders();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
          return trailers.newEmptyHeaders();
        }
      };

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
     * The AWS clients' usual names without a new copy per header line ({@link KnownHeaderNames}).
     */
    @Override
    protected AsciiString splitHeaderName(byte[] line, int start, int length) {
      AsciiString known = KnownHeaderNames.match(line, start, length);
      return known != null ? known : super.splitHeaderName(line, start, length);
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
    /** The emptiness decision already taken for the response being encoded, or null. */
    private Boolean decided;

    /** The last head's size: the next buffer is allocated for it plus the body. */
    private int lastHeadBytes = 256;

    /**
     * A full response with a body is encoded head and body into one buffer, so that it leaves in
     * one write: Netty's encoder copies only bodies under ~128 bytes next to the head and otherwise
     * hands the socket two buffers (a gathering write per response). The bytes are the same.
     */
    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out)
        throws Exception {
      if (msg instanceof FullHttpResponse response
          && response.content().isReadable()
          && !response.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
        if (!isContentAlwaysEmpty(response)) {
          encodeInOneBuffer(ctx, response, out);
          return;
        }
        decided = Boolean.TRUE;
      }
      try {
        super.encode(ctx, msg, out);
      } finally {
        decided = null;
      }
    }

    private void encodeInOneBuffer(
        ChannelHandlerContext ctx, FullHttpResponse response, List<Object> out) throws Exception {
      try {
        ByteBuf content = response.content();
        ByteBuf buf = ctx.alloc().ioBuffer(lastHeadBytes + content.readableBytes());
        try {
          encodeInitialLine(buf, response);
          sanitizeHeadersBeforeEncode(response, false);
          encodeHeaders(response.headers(), buf);
          buf.writeShort(CRLF);
          lastHeadBytes = buf.readableBytes() + 32;
          buf.writeBytes(content, content.readerIndex(), content.readableBytes());
        } catch (Exception | Error e) {
          buf.release();
          throw e;
        }
        out.add(buf);
      } finally {
        response.release();
      }
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpResponse msg) {
      if (decided != null) {
        return decided;
      }
      // An interim 100 Continue answers no request by itself, so it must not take the method.
      HttpMethod method =
          msg.status().codeClass() == HttpStatusClass.INFORMATIONAL ? null : methods.poll();
      return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
    }
  }

  private static final int CRLF = ('\r' << 8) | '\n';

  /** A request whose body length could be read two ways; its message is the client's answer. */
  static final class AmbiguousFramingException extends IllegalArgumentException {
    AmbiguousFramingException(String message) {
      super(message);
    }
  }

  /** Why the request's body framing is ambiguous, or null when it is not. */
  static String framingProblem(HttpRequest request) {
    if (!request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
      return null; // the usual case, without a list of values per request
    }
    List<String> codings = request.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
    if (request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
      return CONFLICTING_FRAMING;
    }
    if (codings.size() != 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim())) {
      return UNSUPPORTED_TRANSFER_ENCODING;
    }
    return null;
  }
}
