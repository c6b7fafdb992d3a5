package io.iamlocal.server.netty;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Writes responses with the headers AWS sends: Content-Type, Content-Length, x-amzn-RequestId,
 * Date.
 */
final class ResponseWriter {
  /**
   * The server's clock, set on each connection: the Date header follows it, so that an embedded
   * server built with a moved clock still lets SDKs correct their clock skew against it.
   */
  static final AttributeKey<Clock> CLOCK = AttributeKey.valueOf("iamlocal.clock");

  private ResponseWriter() {}

  /**
   * Writes the answer to a request; it is sent when the event loop's current iteration ends ({@link
   * IterationFlush}).
   */
  static void write(ChannelHandlerContext ctx, HttpMessage request, HttpResponseData data) {
    boolean keepAlive = request != null && HttpUtil.isKeepAlive(request);
    ChannelFuture written = send(ctx, request, data, keepAlive);
    IterationFlush.flushSoon(ctx);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Writes without flushing. */
  private static ChannelFuture send(
      ChannelHandlerContext ctx, HttpMessage request, HttpResponseData data, boolean keepAlive) {
    // An HTTP/1.0 client gets an HTTP/1.0 answer, so that a kept-alive connection says so
    // explicitly.
    HttpVersion version =
        request != null && HttpVersion.HTTP_1_0.equals(request.protocolVersion())
            ? HttpVersion.HTTP_1_0
            : HttpVersion.HTTP_1_1;
    // The codec copies the body next to the head in one pooled direct buffer (one write per
    // response), so the array is only wrapped here. The headers are not validated one by one as
    // they are set: the names are constants and the values the server's own, except the handler's
    // extra headers, checked here.
    // A body in a reused array gives the array back when the codec releases the buffer.
    ByteBuf body =
        data.bodyLength() == 0
            ? Unpooled.EMPTY_BUFFER
            : data.reusesArray() ? new BodyReleasingBuf(data) : Unpooled.wrappedBuffer(data.body());
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            version, HttpResponseStatus.valueOf(data.status()), body, false);
    try {
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, data.contentType())
          .setInt(HttpHeaderNames.CONTENT_LENGTH, data.bodyLength())
          .set(REQUEST_ID, data.requestId())
          .set(HttpHeaderNames.DATE, httpDate(clockOf(ctx)));
      data.headers()
          .forEach((name, value) -> response.headers().set(checkedName(name), checkedValue(value)));
    } catch (RuntimeException e) {
      response.release();
      throw e;
    }
    HttpUtil.setKeepAlive(response, keepAlive);
    return ctx.write(response);
  }

  private static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");

  private static String checkedName(String name) {
    if (HttpHeaderValidationUtil.validateToken(name) != -1) {
      throw new IllegalArgumentException("invalid response header name: " + name);
    }
    return name;
  }

  private static String checkedValue(String value) {
    if (HttpHeaderValidationUtil.validateValidHeaderValue(value) != -1) {
      throw new IllegalArgumentException("invalid response header value");
    }
    return value;
  }

  /** The Date header only changes once a second; formatting it per response showed in profiles. */
  private static volatile HttpDate lastDate = new HttpDate(Long.MIN_VALUE, "");

  private record HttpDate(long epochSecond, String text) {}

  private static Clock clockOf(ChannelHandlerContext ctx) {
    Clock clock = ctx.channel().attr(CLOCK).get();
    return clock == null ? Clock.systemUTC() : clock;
  }

  /**
   * The header for the clock's current second; the cache is keyed by the second, so any clock may
   * use it.
   */
  static String httpDate(Clock clock) {
    long second = Math.floorDiv(clock.millis(), 1000);
    HttpDate date = lastDate;
    if (date.epochSecond() != second) {
      date = new HttpDate(second, HttpDates.imfFixdate(second));
      lastDate = date;
    }
    return date.text();
  }

  /**
   * Failures before dispatch (unparseable HTTP, a read timeout) still get an AWS error body, sent
   * at once; the connection is closed because the remaining bytes may be misframed.
   */
  static void writeProtocolError(ChannelHandlerContext ctx, int status, String message) {
    send(ctx, null, protocolError(status, message), false).addListener(ChannelFutureListener.CLOSE);
    ctx.flush();
  }

  /**
   * As {@link #writeProtocolError}, marked {@code Connection: close} but left open: the caller
   * closes the connection once the client has stopped sending.
   */
  static void writeProtocolErrorLeavingOpen(ChannelHandlerContext ctx, int status, String message) {
    send(ctx, null, protocolError(status, message), false);
    // Sent now: the caller may close the connection within this iteration of the event loop.
    ctx.flush();
  }

  private static HttpResponseData protocolError(int status, String message) {
    AwsErrorCode code =
        switch (status) {
          case 408 -> AwsErrorCode.REQUEST_TIMEOUT;
          case 413 -> AwsErrorCode.REQUEST_ENTITY_TOO_LARGE;
          case 414 -> AwsErrorCode.REQUEST_URI_TOO_LONG;
          case 431 -> AwsErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE;
          case 500 -> AwsErrorCode.INTERNAL_FAILURE;
          case 503 -> AwsErrorCode.SERVICE_UNAVAILABLE;
          default -> AwsErrorCode.BAD_REQUEST;
        };
    String requestId = RequestIds.next();
    String body = ErrorRenderer.render(ErrorRenderer.IAM_NAMESPACE, code, message, requestId);
    return new HttpResponseData(
        status, "text/xml", body.getBytes(StandardCharsets.UTF_8), requestId);
  }
}
