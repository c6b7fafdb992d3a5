package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body in a reused array goes out whole through the codec, which then gives the array back. */
class BodyReleasingBufTest {
  private final List<HttpResponseData> sent = new ArrayList<>();
  private final List<byte[]> arrays = new ArrayList<>();

  /** Answers each request with its path, copied into a reused array as the dispatcher does. */
  private final class EchoPath extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      FullHttpRequest request = (FullHttpRequest) msg;
      try {
        byte[] path = request.uri().getBytes(StandardCharsets.UTF_8);
        HttpResponseData response =
            HttpResponseData.copied(200, "text/xml", path, path.length, "rid");
        sent.add(response);
        arrays.add(response.bodyArray());
        ResponseWriter.write(ctx, request, response);
      } finally {
        request.release();
      }
    }
  }

  private static String wire(EmbeddedChannel ch) {
    StringBuilder out = new StringBuilder();
    for (Object o; (o = ch.readOutbound()) != null; ) {
      ByteBuf buf = (ByteBuf) o;
      out.append(buf.toString(StandardCharsets.UTF_8));
      buf.release();
    }
    return out.toString();
  }

  @Test
  void theBodyIsSentWithItsLengthAndItsArrayGivenBackForTheNext() {
    EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseEncoder(), new EchoPath());
    ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/first"));
    ch.runPendingTasks();
    String first = wire(ch);
    assertThat(first).contains("content-length: 6").endsWith("\r\n\r\n/first");
    assertThatThrownBy(() -> sent.get(0).body()).isInstanceOf(IllegalStateException.class);

    ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/second"));
    ch.runPendingTasks();
    assertThat(wire(ch)).contains("content-length: 7").endsWith("\r\n\r\n/second");
    // The codec copied the first body out and released it: the second reuses its array.
    assertThat(arrays.get(1)).isSameAs(arrays.get(0));
    ch.finishAndReleaseAll();
  }
}
