package io.iamlocal.protocol.query;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} bytes (a Query request body or query string)
 * into parameters. Malformed escapes and bytes that are not UTF-8 are rejected, never guessed at.
 */
public final class FormDecoder {
  private FormDecoder() {}

  /**
   * Adds every {@code name=value} pair of {@code form} to {@code into}; the first value of a name
   * wins.
   */
  public static void decodeInto(byte[] form, int offset, int length, Map<String, String> into) {
    int end = offset + length;
    int start = offset;
    RecentTokens tokens = RecentTokens.ofThisThread();
    while (start < end) {
      int amp = indexOf(form, (byte) '&', start, end);
      int pairEnd = amp < 0 ? end : amp;
      if (pairEnd > start) {
        int eq = indexOf(form, (byte) '=', start, pairEnd);
        String name = decode(form, start, eq < 0 ? pairEnd : eq, tokens);
        String value = eq < 0 ? "" : decode(form, eq + 1, pairEnd, tokens);
        into.putIfAbsent(name, value);
      }
      start = pairEnd + 1;
    }
  }

  /**
   * Whether a Content-Type (any case, parameters allowed) names a form, read in place: the Java
   * SDK's {@code charset=UTF-8} made a lower-cased copy of it on every request.
   */
  public static boolean isForm(String contentType) {
    return contentType != null
        && contentType.regionMatches(true, 0, FORM_TYPE, 0, FORM_TYPE.length());
  }

  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  public static void decodeInto(String form, Map<String, String> into) {
    byte[] bytes = form.getBytes(StandardCharsets.ISO_8859_1);
    decodeInto(bytes, 0, bytes.length, into);
  }

  /**
   * The first value of {@code name} in {@code form}, decoding only names until it is found; null
   * when absent or when the form is malformed (the full decode then reports it).
   */
  public static String valueOf(byte[] form, String name) {
    if (form == null) {
      return null;
    }
    try {
      int start = 0;
      while (start < form.length) {
        int amp = indexOf(form, (byte) '&', start, form.length);
        int pairEnd = amp < 0 ? form.length : amp;
        int eq = indexOf(form, (byte) '=', start, pairEnd);
        if (pairEnd > start && nameEquals(form, start, eq < 0 ? pairEnd : eq, name)) {
          return eq < 0 ? "" : decode(form, eq + 1, pairEnd, RecentTokens.ofThisThread());
        }
        start = pairEnd + 1;
      }
      return null;
    } catch (AwsServiceException e) {
      return null;
    }
  }

  /** As {@link #valueOf(byte[], String)} for a query string. */
  public static String valueOf(String form, String name) {
    return form == null || form.isEmpty()
        ? null
        : valueOf(form.getBytes(StandardCharsets.ISO_8859_1), name);
  }

  private static int indexOf(byte[] bytes, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String decode(byte[] src, int from, int to, RecentTokens tokens) {
    if (isPlainAscii(src, from, to)) {
      return tokens.of(src, from, to); // nothing to decode: no copy to decode into
    }
    byte[] out = new byte[to - from];
    int n = 0;
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      byte b = src[i];
      if (b == '+') {
        out[n++] = ' ';
      } else if (b == '%') {
        if (i + 2 >= to) {
          throw malformed();
        }
        int hi = Character.digit(src[i + 1], 16);
        int lo = Character.digit(src[i + 2], 16);
        if (hi < 0 || lo < 0) {
          throw malformed();
        }
        out[n] = (byte) ((hi << 4) | lo);
        ascii &= out[n] >= 0;
        n++;
        i += 2;
      } else {
        ascii &= b >= 0;
        out[n++] = b;
      }
    }
    if (ascii) {
      return new String(out, 0, n, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(out, 0, n));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new AwsServiceException(
          AwsErrorCode.MALFORMED_QUERY_STRING,
          "The request contains characters that are not valid UTF-8.");
    }
  }

  /** No escape, no {@code '+'} and no byte outside ASCII: the bytes are the text. */
  private static boolean isPlainAscii(byte[] src, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = src[i];
      if (b == '%' || b == '+' || b < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether the form's bytes {@code [from, to)} decode to {@code name}. */
  private static boolean nameEquals(byte[] src, int from, int to, String name) {
    if (!isPlainAscii(src, from, to)) {
      return name.equals(decode(src, from, to, RecentTokens.ofThisThread()));
    }
    if (to - from != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (src[from + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static AwsServiceException malformed() {
    return new AwsServiceException(
        AwsErrorCode.MALFORMED_QUERY_STRING, "The query string contains a syntax error.");
  }
}
