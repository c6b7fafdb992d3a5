package io.iamlocal.server.netty;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;

/**
 * A response body in a reused array ({@link HttpResponseData#reusesArray}), wrapped without a copy:
 * when the codec has copied it out and released the buffer, the array goes back for the next body.
 */
final class BodyReleasingBuf extends UnpooledHeapByteBuf {
  private final HttpResponseData response;

  BodyReleasingBuf(HttpResponseData response) {
    super(UnpooledByteBufAllocator.DEFAULT, response.bodyArray(), response.bodyArray().length);
    this.response = response;
    setIndex(0, response.bodyLength());
  }

  @Override
  protected void freeArray(byte[] array) {
    response.releaseBody();
  }
}
