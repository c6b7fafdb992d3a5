package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {

  @Test
  void namesAreLowerCasedAndRepeatedNamesKeepEveryValue() {
    Map<String, List<String>> headers =
        AwsRequestHandler.headers(
            new DefaultHttpHeaders()
                .add("X-Amz-Date", "d")
                .add("X-Custom", "1")
                .add("x-custom", "2"),
            context());
    assertThat(headers).containsEntry("x-amz-date", List.of("d"));
    assertThat(headers).containsEntry("x-custom", List.of("1", "2"));
  }

  @Test
  void aConnectionsRepeatedHostAndUserAgentAreKeptAsOneInstance() {
    ChannelHandlerContext ctx = context();
    Map<String, List<String>> first = AwsRequestHandler.headers(request("h:1", "sdk/1"), ctx);
    Map<String, List<String>> second = AwsRequestHandler.headers(request("h:1", "sdk/1"), ctx);
    assertThat(second.get("host").get(0)).isSameAs(first.get("host").get(0));
    assertThat(second.get("user-agent").get(0)).isSameAs(first.get("user-agent").get(0));
    Map<String, List<String>> third = AwsRequestHandler.headers(request("h:2", "sdk/2"), ctx);
    assertThat(third)
        .containsEntry("host", List.of("h:2"))
        .containsEntry("user-agent", List.of("sdk/2"));
    Map<String, List<String>> elsewhere =
        AwsRequestHandler.headers(request("h:1", "sdk/1"), context());
    assertThat(elsewhere.get("host").get(0)).isEqualTo("h:1").isNotSameAs(first.get("host").get(0));
  }

  @Test
  void theDecoderHandsOutOneLowerCaseInstancePerKnownNameInWhateverCaseItCame() {
    EmbeddedChannel channel = new EmbeddedChannel(new StrictHttpServerCodec(4096, 8192));
    String head =
        "POST / HTTP/1.1\r\nHost: h\r\nX-Amz-Date: d1\r\nAUTHORIZATION: a\r\n"
            + "x-amz-date: d2\r\nX-Other: o\r\nContent-Length: 0\r\n\r\n";
    channel.writeInbound(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII));
    HttpRequest request = channel.readInbound();

    Map<String, List<String>> headers = AwsRequestHandler.headers(request.headers(), context());

    assertThat(request.decoderResult().isSuccess()).isTrue();
    assertThat(headers)
        .containsEntry("x-amz-date", List.of("d1", "d2"))
        .containsEntry("authorization", List.of("a"))
        .containsEntry("x-other", List.of("o"))
        .containsEntry("host", List.of("h"));
    assertThat(headers.keySet()).filteredOn("x-amz-date"::equals).first().isSameAs("x-amz-date");
    CharSequence known =
        KnownHeaderNames.match("xX-AMZ-dateX".getBytes(StandardCharsets.US_ASCII), 1, 10);
    CharSequence unknown =
        KnownHeaderNames.match("X-Amz-Datum".getBytes(StandardCharsets.US_ASCII), 0, 11);
    assertThat(known).hasToString("x-amz-date");
    assertThat(unknown).isNull();
    assertThat(KnownHeaderNames.lowerCase("HOST")).isSameAs("host");
    assertThat(KnownHeaderNames.lowerCase("X-Amz-Datum")).isEqualTo("x-amz-datum");
    assertThat(KnownHeaderNames.lowerCase("X-A-Header-Longer-Than-Any-Known-One"))
        .isEqualTo("x-a-header-longer-than-any-known-one");
    channel.finishAndReleaseAll();
  }

  private static HttpHeaders request(String host, String userAgent) {
    // new String: each request's values are new strings, as Netty decodes them
    return new DefaultHttpHeaders()
        .add("Host", new String(host))
        .add("User-Agent", new String(userAgent))
        .add("X-Amz-Date", "20261206T000000Z");
  }

  private static ChannelHandlerContext context() {
    return new EmbeddedChannel(new ChannelInboundHandlerAdapter()).pipeline().firstContext();
  }
}
