package io.iamlocal.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Answers written while the event loop reads are sent once its iteration ends; protocol errors are
 * sent at once, with the answers before them, since their connection may be closed right after. (An
 * embedded channel runs pending tasks at each write, so batching itself shows only on a real loop:
 * bench/run.sh.)
 */
class IterationFlushTest {

  /** Answers every request with its own path as the body, as the request handler would. */
  private static final class EchoPath extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      FullHttpRequest request = (FullHttpRequest) msg;
      try {
        byte[] body = request.uri().getBytes(StandardCharsets.UTF_8);
        ResponseWriter.write(ctx, request, new HttpResponseData(200, "text/plain", body, "rid"));
      } finally {
        request.release();
      }
    }
  }

  private static FullHttpRequest get(String path) {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
  }

  @Test
  void anAnswerWaitsForTheEndOfTheIteration() {
    EmbeddedChannel ch = new EmbeddedChannel(new EchoPath());
    ch.pipeline().fireChannelRead(get("/first"));

    assertThat((Object) ch.readOutbound()).as("written but not yet flushed").isNull();

    ch.runPendingTasks();
    assertThat(bodyOf(ch.readOutbound())).isEqualTo("/first");
    assertThat((Object) ch.readOutbound()).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void aProtocolErrorIsSentAtOnceWithTheAnswersWrittenBeforeIt() {
    EmbeddedChannel ch = new EmbeddedChannel(new EchoPath());
    ch.pipeline().fireChannelRead(get("/first"));
    ResponseWriter.writeProtocolErrorLeavingOpen(ch.pipeline().lastContext(), 413, "too large");

    assertThat(bodyOf(ch.readOutbound())).isEqualTo("/first");
    FullHttpResponse error = ch.readOutbound();
    assertThat(error.status().code()).isEqualTo(413);
    error.release();
    ch.finishAndReleaseAll();
  }

  private static String bodyOf(FullHttpResponse response) {
    try {
      return response.content().toString(StandardCharsets.UTF_8);
    } finally {
      response.release();
    }
  }
}
