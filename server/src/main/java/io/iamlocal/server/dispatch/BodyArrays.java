package io.iamlocal.server.dispatch;

/**
 * Arrays for rendered response bodies, reused per thread: a body is copied into one, the Netty
 * encoder copies it next to the head in a pooled buffer and then gives the array back ({@link
 * HttpResponseData#releaseBody}), so a response allocates no body array (an exact-size copy was a
 * twelfth of the bytes a GetUser allocated). Sizes are powers of two from 1 KiB to 16 KiB; a larger
 * body gets an array of its own. An array never given back (a response dropped, or read in-process)
 * is garbage like any other; an array given back on another thread joins that thread's free lists.
 */
final class BodyArrays {
  private static final int SMALLEST_SHIFT = 10;
  private static final int CLASSES = 5; // 1, 2, 4, 8, 16 KiB
  static final int LARGEST = 1 << (SMALLEST_SHIFT + CLASSES - 1);

  /** Arrays kept free per size and thread; a thread has at most this many bodies in flight. */
  private static final int KEPT_PER_CLASS = 2;

  private static final ThreadLocal<byte[][][]> FREE =
      ThreadLocal.withInitial(() -> new byte[CLASSES][KEPT_PER_CLASS][]);

  private BodyArrays() {}

  /** An array of at least {@code length} bytes, or null when the body is larger than any kept. */
  static byte[] take(int length) {
    if (length > LARGEST) {
      return null;
    }
    int sizeClass = sizeClass(length);
    byte[][] free = FREE.get()[sizeClass];
    for (int i = 0; i < free.length; i++) {
      byte[] array = free[i];
      if (array != null) {
        free[i] = null;
        return array;
      }
    }
    return new byte[1 << (SMALLEST_SHIFT + sizeClass)];
  }

  /** Gives back an array {@link #take} handed out, once no one reads it any more. */
  static void give(byte[] array) {
    int sizeClass = Integer.numberOfTrailingZeros(array.length) - SMALLEST_SHIFT;
    if (Integer.bitCount(array.length) != 1 || sizeClass < 0 || sizeClass >= CLASSES) {
      return;
    }
    byte[][] free = FREE.get()[sizeClass];
    for (int i = 0; i < free.length; i++) {
      if (free[i] == null) {
        free[i] = array;
        return;
      }
    }
  }

  /** The class of the smallest size holding {@code length} bytes. */
  static int sizeClass(int length) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(length, 1) - 1);
    return Math.max(0, bits - SMALLEST_SHIFT);
  }
}
