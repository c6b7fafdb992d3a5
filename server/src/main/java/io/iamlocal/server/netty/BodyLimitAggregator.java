package io.iamlocal.server.netty;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Netty's aggregator, answering an oversized body with AWS's XML error instead of an empty 413. */
final class BodyLimitAggregator extends HttpObjectAggregator {
  private final int maxBytes;

  BodyLimitAggregator(int maxBytes) {
    super(maxBytes);
    this.maxBytes = maxBytes;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    ResponseWriter.writeProtocolError(ctx, oversized, 413,
        "Request body is larger than the " + maxBytes + " bytes this server accepts.");
  }
}
