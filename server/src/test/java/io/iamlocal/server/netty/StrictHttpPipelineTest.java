package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict codec's framing and size checks and the request read timeout, on an embedded channel.
 */
class StrictHttpPipelineTest {

  private static EmbeddedChannel channel() {
    return new EmbeddedChannel(
        new StrictHttpServerCodec(1024, 2048), new HttpObjectAggregator(1 << 16));
  }

  private static FullHttpRequest decode(String request) {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
    FullHttpRequest decoded = ch.readInbound();
    ch.finishAndReleaseAll();
    return decoded;
  }

  @Test
  void plainAndChunkedRequestsDecode() {
    FullHttpRequest fixed = decode("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");
    assertThat(fixed.decoderResult().isSuccess()).isTrue();
    assertThat(fixed.content().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    fixed.release();
    FullHttpRequest chunked =
        decode(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
    assertThat(chunked.decoderResult().isSuccess()).isTrue();
    assertThat(chunked.content().toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    chunked.release();
  }

  @Test
  void trailersOfAChunkedRequestAreKeptEvenInTheSmallTrailerTable() {
    StringBuilder trailers = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      trailers.append("X-Trailer-").append(i).append(": v").append(i).append("\r\n");
    }
    FullHttpRequest chunked =
        decode(
            "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n"
                + trailers
                + "\r\n");
    FullHttpRequest fixed = decode("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\na");

    assertThat(chunked.decoderResult().isSuccess()).isTrue();
    assertThat(chunked.trailingHeaders().size()).isEqualTo(20);
    assertThat(chunked.trailingHeaders().get("x-trailer-0")).isEqualTo("v0");
    assertThat(chunked.trailingHeaders().get("X-TRAILER-19")).isEqualTo("v19");
    assertThat(fixed.trailingHeaders().isEmpty()).isTrue();
    chunked.release();
    fixed.release();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: identity\r\nContent-Length: 3\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
      })
  void ambiguousFramingIsADecodingFailure(String framing) {
    FullHttpRequest request =
        decode("POST / HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n3\r\nabc\r\n0\r\n\r\n");
    assertThat(request.decoderResult().isFailure()).isTrue();
    assertThat(request.decoderResult().cause())
        .isInstanceOf(StrictHttpServerCodec.AmbiguousFramingException.class);
    request.release();
  }

  @Test
  void oversizedLineAndHeadersAreTheirOwnFailures() {
    FullHttpRequest longLine = decode("GET /" + "a".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(longLine.decoderResult().cause()).isInstanceOf(TooLongHttpLineException.class);
    longLine.release();
    FullHttpRequest bigHeaders =
        decode("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(3000) + "\r\n\r\n");
    assertThat(bigHeaders.decoderResult().cause()).isInstanceOf(TooLongHttpHeaderException.class);
    bigHeaders.release();
  }

  @Test
  void headResponsesCarryNoBodyAndInterimResponsesKeepTheOrder() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(
        Unpooled.copiedBuffer(
            "HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
            StandardCharsets.US_ASCII));
    ((FullHttpRequest) ch.readInbound()).release();
    ((FullHttpRequest) ch.readInbound()).release();
    ch.writeOutbound(
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    ch.writeOutbound(response("{\"a\":1}"));
    ch.writeOutbound(response("{\"b\":2}"));
    String written = drain(ch);
    assertThat(written).contains("100 Continue");
    assertThat(written).doesNotContain("{\"a\":1}").contains("{\"b\":2}");
    ch.finishAndReleaseAll();
  }

  @Test
  void aRequestTrickledPastTheTimeoutGets408AndTheConnectionCloses() {
    RequestReadTimeout timeout = new RequestReadTimeout(2);
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline()
        .addLast(
            timeout.arm(),
            new StrictHttpServerCodec(1024, 2048),
            new HttpObjectAggregator(1 << 16),
            timeout.disarm(),
            new io.netty.channel.ChannelInboundHandlerAdapter());
    ch.writeInbound(
        Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n", StandardCharsets.US_ASCII));
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    ch.writeInbound(Unpooled.copiedBuffer("X-Slow: 1\r\n", StandardCharsets.US_ASCII));
    assertThat(ch.isOpen()).isTrue();
    ch.advanceTimeBy(1500, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    String written = drain(ch);
    assertThat(written)
        .as("open=%s", ch.isOpen())
        .startsWith("HTTP/1.1 408")
        .contains("<Code>RequestTimeout</Code>");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void aCompleteRequestStopsTheClock() {
    EmbeddedChannel ch = timedAfterOneRequest();
    ch.advanceTimeBy(10, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(drain(ch)).isEmpty();
    assertThat(ch.isOpen()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void aLaterRequestOnTheConnectionGetsItsOwnTimeLimit() {
    EmbeddedChannel ch = timedAfterOneRequest();
    ch.advanceTimeBy(1500, TimeUnit.MILLISECONDS);
    ch.writeInbound(
        Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n", StandardCharsets.US_ASCII));
    ch.advanceTimeBy(1, TimeUnit.SECONDS); // past the first request's limit, within the second's
    ch.runScheduledPendingTasks();
    assertThat(drain(ch)).isEmpty();
    assertThat(ch.isOpen()).isTrue();
    ch.advanceTimeBy(2, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(drain(ch)).startsWith("HTTP/1.1 408");
    assertThat(ch.isOpen()).isFalse();
  }

  /** Codec, aggregator and a 2 s read timeout, after one complete request has been read. */
  private static EmbeddedChannel timedAfterOneRequest() {
    RequestReadTimeout timeout = new RequestReadTimeout(2);
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline()
        .addLast(
            timeout.arm(),
            new StrictHttpServerCodec(1024, 2048),
            new HttpObjectAggregator(1 << 16),
            timeout.disarm());
    ch.writeInbound(
        Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII));
    ((FullHttpRequest) ch.readInbound()).release();
    return ch;
  }

  @Test
  void aResponseWithABodyLeavesInOneBufferWithNettysBytes() {
    String body = "<GetUserResponse>" + "x".repeat(600) + "</GetUserResponse>";
    EmbeddedChannel strict = channel();
    strict.writeInbound(
        Unpooled.copiedBuffer("GET / HTTP/1.1\r\nHost: x\r\n\r\n", StandardCharsets.US_ASCII));
    ((FullHttpRequest) strict.readInbound()).release();
    strict.writeOutbound(response(body));
    ByteBuf one = strict.readOutbound();
    assertThat((Object) strict.readOutbound()).isNull();

    EmbeddedChannel netty = new EmbeddedChannel(new HttpResponseEncoder());
    netty.writeOutbound(response(body));
    assertThat(one.toString(StandardCharsets.UTF_8)).isEqualTo(drain(netty));
    one.release();
    strict.finishAndReleaseAll();
    netty.finishAndReleaseAll();
  }

  private static DefaultFullHttpResponse response(String body) {
    DefaultFullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.OK,
            Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII));
    r.headers().setInt("content-length", body.length());
    return r;
  }

  /**
   * The pipeline of ServerInitializer around the body limit: codec, keep-alive, aggregator, timer.
   */
  private static EmbeddedChannel limitedTo(int maxBody, RequestReadTimeout timeout) {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline()
        .addLast(
            timeout.arm(),
            new StrictHttpServerCodec(1024, 2048),
            new HttpServerKeepAliveHandler(),
            new BodyLimitAggregator(maxBody, timeout::abandon),
            timeout.disarm());
    return ch;
  }

  private static void send(EmbeddedChannel ch, String text) {
    ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
  }

  @Test
  void aRefusedBodyIsAnsweredThenReadToItsEndBeforeTheConnectionCloses() {
    EmbeddedChannel ch = limitedTo(10, new RequestReadTimeout(2));
    send(ch, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "a".repeat(20));
    String written = drain(ch);
    assertThat(written)
        .startsWith("HTTP/1.1 413")
        .contains("connection: close")
        .contains("<Code>RequestEntityTooLarge</Code>");
    // Still open: closing with the client mid-body would reset the connection and lose the 413 on
    // its side.
    assertThat(ch.isOpen()).isTrue();
    // Slower than the request timeout, yet no 408 follows the 413.
    ch.advanceTimeBy(3, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    send(ch, "a".repeat(79));
    assertThat(ch.isOpen()).isTrue();
    send(ch, "a");
    assertThat(ch.isOpen()).isFalse();
    assertThat(drain(ch)).isEmpty();
    assertThat((Object) ch.readInbound()).isNull();
  }

  @Test
  void aClientThatNeverFinishesARefusedBodyIsDisconnected() {
    EmbeddedChannel ch = limitedTo(10, new RequestReadTimeout(60));
    send(
        ch,
        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n"
            + "a".repeat(20)
            + "\r\n");
    assertThat(drain(ch)).startsWith("HTTP/1.1 413");
    ch.advanceTimeBy(BodyLimitAggregator.DRAIN_SECONDS - 1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isTrue();
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isOpen()).isFalse();
  }

  private static String drain(EmbeddedChannel ch) {
    StringBuilder out = new StringBuilder();
    for (Object o = ch.readOutbound(); o != null; o = ch.readOutbound()) {
      ByteBuf b = (ByteBuf) o;
      out.append(b.toString(StandardCharsets.UTF_8));
      b.release();
    }
    return out.toString();
  }
}
