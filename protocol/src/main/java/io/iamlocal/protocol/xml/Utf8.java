package io.iamlocal.protocol.xml;

import java.nio.charset.StandardCharsets;

/** UTF-8 bytes of a builder's text, without first copying it into a String. */
final class Utf8 {
  /** Each thread's scratch copy of the text; one a large answer grew is not kept. */
  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[2048]);

  private static final int KEPT_CHARS = 32 * 1024;

  private Utf8() {}

  static byte[] bytes(StringBuilder text) {
    int n = text.length();
    char[] chars = CHARS.get();
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
      if (chars.length <= KEPT_CHARS) {
        CHARS.set(chars);
      }
    }
    text.getChars(0, n, chars, 0);
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c >= 0x80) {
        return text.toString().getBytes(StandardCharsets.UTF_8); // names and values in any script
      }
      out[i] = (byte) c;
    }
    return out;
  }
}
