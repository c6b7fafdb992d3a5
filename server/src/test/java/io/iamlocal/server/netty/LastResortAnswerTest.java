package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.RequestRouter;
import io.iamlocal.server.dispatch.BrowserGuard;
import io.iamlocal.server.state.IamLocalState;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Whatever the request chain throws, the client gets an AWS-style answer instead of a dropped
 * connection.
 */
class LastResortAnswerTest {

  @Test
  void aThrowingRouteIsAnsweredWithAnAwsInternalFailure() {
    // No dispatcher: an AWS call throws a NullPointerException past every handler's own error
    // mapping.
    RequestRouter router =
        new RequestRouter(
            null,
            new IamLocalState("123456789012", "test", "test", java.time.Clock.systemUTC()),
            null,
            null,
            null,
            null,
            () -> null,
            new BrowserGuard("127.0.0.1", java.util.Set.of()),
            null,
            null);
    EmbeddedChannel ch = new EmbeddedChannel(new AwsRequestHandler(router));
    ch.writeInbound(
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.POST, "/?Action=ListUsers", Unpooled.EMPTY_BUFFER));
    FullHttpResponse response = ch.readOutbound();
    assertThat(response.status().code()).isEqualTo(500);
    String body = response.content().toString(StandardCharsets.UTF_8);
    assertThat(body)
        .contains("<Code>InternalFailure</Code>")
        .doesNotContain("NullPointerException");
    response.release();
    assertThat(ch.isOpen()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void runningOutOfHeapIsARetryableServiceUnavailable() {
    assertThat(LastResortAnswer.to("PUT", "/b/k", new OutOfMemoryError("Java heap space")).status())
        .isEqualTo(503);
    assertThat(LastResortAnswer.to("POST", "/", new StackOverflowError()).status()).isEqualTo(500);
  }
}
