package io.iamlocal.protocol.json;

import java.io.ByteArrayOutputStream;

/**
 * The number encodings the build's packed forms share ({@link PackedJson}, the service models'
 * {@code ModelPack}): counts as unsigned varints (seven bits a byte, low bits first, the high bit
 * set on every byte but the last) and longs as 8 bytes big-endian.
 */
public final class PackedNumbers {
  private PackedNumbers() {}

  /** Where a packed form's reader takes its next byte from. */
  public interface ByteSource {
    /** The next byte, 0-255; throws when there is none. */
    int nextByte();
  }

  /** Writes {@code n}, which is not negative, as a varint. */
  public static void writeCount(ByteArrayOutputStream out, int n) {
    int v = n;
    while ((v & ~0x7f) != 0) {
      out.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /**
   * Reads a varint written by {@link #writeCount}; one longer than five bytes or beyond an int's
   * range throws {@link IllegalArgumentException} with {@code malformed}.
   */
  public static int readCount(ByteSource in, String malformed) {
    int v = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      int b = in.nextByte();
      v |= (b & 0x7f) << shift;
      if (b < 0x80) {
        if (v < 0) {
          break;
        }
        return v;
      }
    }
    throw new IllegalArgumentException(malformed);
  }

  /** Writes {@code v} as 8 bytes, most significant first. */
  public static void writeLong(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift));
    }
  }

  /** Reads a long written by {@link #writeLong}. */
  public static long readLong(ByteSource in) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | in.nextByte();
    }
    return v;
  }
}
