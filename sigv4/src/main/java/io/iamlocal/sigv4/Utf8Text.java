package io.iamlocal.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text written straight into its UTF-8 bytes, in a buffer that grows as needed and can be reused:
 * the canonical request and the string to sign are hashed from these bytes, without a String or a
 * StringBuilder per request.
 */
final class Utf8Text {
  private byte[] bytes;
  private int length;

  Utf8Text(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Empties the text, keeping its buffer. */
  void reset() {
    length = 0;
  }

  int length() {
    return length;
  }

  /** The buffer; its first {@link #length()} bytes are the text. */
  byte[] bytes() {
    return bytes;
  }

  /** The buffer's size, for a user that drops an oversized one. */
  int capacity() {
    return bytes.length;
  }

  Utf8Text append(char c) {
    if (c < 0x80) {
      ensure(1);
      bytes[length++] = (byte) c;
      return this;
    }
    return append(String.valueOf(c));
  }

  /**
   * Appends the UTF-8 form of {@code s}, as {@code s.getBytes(UTF_8)} gives it. Every piece of a
   * canonical request ends before an ASCII separator, so encoding piece by piece gives the bytes of
   * the whole text.
   */
  Utf8Text append(String s) {
    int n = s.length();
    ensure(n);
    byte[] b = bytes;
    int at = length;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        length = at;
        return appendEncoded(s.substring(i));
      }
      b[at++] = (byte) c;
    }
    length = at;
    return this;
  }

  private Utf8Text appendEncoded(String s) {
    byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
    ensure(encoded.length);
    System.arraycopy(encoded, 0, bytes, length, encoded.length);
    length += encoded.length;
    return this;
  }

  /** Appends the lower-case hex of {@code data}. */
  Utf8Text appendHex(byte[] data) {
    ensure(data.length * 2);
    for (byte d : data) {
      bytes[length++] = (byte) Hashing.hexDigit(d >> 4);
      bytes[length++] = (byte) Hashing.hexDigit(d);
    }
    return this;
  }

  private void ensure(int more) {
    int needed = length + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** The text decoded from its bytes. */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
