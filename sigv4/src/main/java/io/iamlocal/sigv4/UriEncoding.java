package io.iamlocal.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * AWS URI encoding: every byte of the UTF-8 form is percent-encoded with upper-case hex, except the
 * unreserved characters {@code A-Z a-z 0-9 - _ . ~} (and optionally {@code '/'}). Space becomes
 * {@code %20}, never {@code '+'}.
 */
final class UriEncoding {

  private static final boolean[] UNRESERVED = new boolean[128];
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      UNRESERVED[c] = true;
    }
    UNRESERVED['-'] = true;
    UNRESERVED['_'] = true;
    UNRESERVED['.'] = true;
    UNRESERVED['~'] = true;
  }

  private UriEncoding() {}

  /** Encodes {@code s} as-is (a {@code '%'} in the input becomes {@code %25}). */
  static String encode(String s, boolean keepSlash) {
    if (isClean(s, keepSlash)) {
      return s;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return encodeBytes(bytes, bytes.length, keepSlash);
  }

  /**
   * Decodes percent-escapes, then encodes again: the canonical form of an already-encoded
   * component, whatever escaping choices the client made. Malformed escapes are kept literally.
   */
  static String reencode(String s) {
    if (isClean(s, false)) {
      return s; // common case: nothing escaped, nothing to escape
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int len = decodeInPlace(bytes);
    return encodeBytes(bytes, len, false);
  }

  /** Percent-decodes to a UTF-8 string; malformed escapes are kept literally. */
  static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    int len = decodeInPlace(bytes);
    return new String(bytes, 0, len, StandardCharsets.UTF_8);
  }

  private static boolean isClean(String s, boolean keepSlash) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c >= 128 || !(UNRESERVED[c] || (keepSlash && c == '/'))) {
        return false;
      }
    }
    return true;
  }

  // Decoding never lengthens the data, so it can be done in the same buffer.
  private static int decodeInPlace(byte[] b) {
    int w = 0;
    for (int r = 0; r < b.length; r++) {
      if (b[r] == '%' && r + 2 < b.length) {
        int hi = hexValue(b[r + 1]);
        int lo = hexValue(b[r + 2]);
        if (hi >= 0 && lo >= 0) {
          b[w++] = (byte) ((hi << 4) | lo);
          r += 2;
          continue;
        }
      }
      b[w++] = b[r];
    }
    return w;
  }

  private static int hexValue(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private static String encodeBytes(byte[] bytes, int len, boolean keepSlash) {
    StringBuilder sb = new StringBuilder(len + 16);
    for (int i = 0; i < len; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 128 && (UNRESERVED[b] || (keepSlash && b == '/'))) {
        sb.append((char) b);
      } else {
        sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
      }
    }
    return sb.toString();
  }
}
