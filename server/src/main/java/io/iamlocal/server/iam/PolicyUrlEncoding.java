package io.iamlocal.server.iam;

import java.nio.charset.StandardCharsets;

/**
 * Policy documents as IAM returns them: percent-encoded per RFC 3986, every byte of the UTF-8 text
 * except the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) written as {@code %XX}. Unlike
 * {@link java.net.URLEncoder}, a space is {@code %20} and {@code *} is {@code %2A}.
 */
public final class PolicyUrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PolicyUrlEncoding() {}

  public static String encode(String document) {
    if (document == null) {
      return null;
    }
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }
}
