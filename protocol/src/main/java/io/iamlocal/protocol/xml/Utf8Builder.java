package io.iamlocal.protocol.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built straight into UTF-8 bytes (a response body, a batch of log lines): names and plain
 * values are copied in bulk, and only text that needs escaping or is outside ASCII goes character
 * by character. A StringBuilder took a check per appended character, then a copy into chars and
 * another into bytes. Not thread-safe.
 */
public final class Utf8Builder {
  private byte[] bytes;
  private int length;

  public Utf8Builder(int capacity) {
    bytes = new byte[capacity];
  }

  public void clear() {
    length = 0;
  }

  /** How many bytes were appended. */
  public int length() {
    return length;
  }

  /** Drops what was appended after {@code length} bytes. */
  void truncate(int length) {
    if (length < 0 || length > this.length) {
      throw new IndexOutOfBoundsException(length);
    }
    this.length = length;
  }

  public int capacity() {
    return bytes.length;
  }

  /**
   * Appends text known to be ASCII (the model's element names, the service namespace, digits) as it
   * is.
   */
  @SuppressWarnings("deprecation") // the byte-per-char copy is exact for ASCII, and one arraycopy
  public Utf8Builder ascii(String text) {
    int n = text.length();
    ensure(n);
    text.getBytes(0, n, bytes, length);
    length += n;
    return this;
  }

  /** Appends {@code text[from, to)}, ASCII as for {@link #ascii(String)}. */
  @SuppressWarnings("deprecation")
  public Utf8Builder ascii(String text, int from, int to) {
    ensure(to - from);
    text.getBytes(from, to, bytes, length);
    length += to - from;
    return this;
  }

  /** Appends bytes already encoded (an element's tag). */
  public Utf8Builder bytes(byte[] encoded) {
    int n = encoded.length;
    ensure(n);
    System.arraycopy(encoded, 0, bytes, length, n);
    length += n;
    return this;
  }

  /** Appends an ASCII character. */
  public Utf8Builder ascii(char c) {
    ensure(1);
    bytes[length++] = (byte) c;
    return this;
  }

  /** Appends {@code text} unescaped, encoded as UTF-8 ({@code String.getBytes} would). */
  public Utf8Builder raw(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && text.charAt(i) < 0x80) {
      i++;
    }
    if (i == n) {
      return ascii(text);
    }
    ascii(text, 0, i);
    byte[] rest = text.substring(i).getBytes(StandardCharsets.UTF_8);
    ensure(rest.length);
    System.arraycopy(rest, 0, bytes, length, rest.length);
    length += rest.length;
    return this;
  }

  /**
   * Appends {@code text} escaped for XML 1.0 element content by {@link XmlText}'s rules, encoded as
   * UTF-8: its leading run of printable ASCII that needs no escape in bulk, the rest character by
   * character.
   */
  Utf8Builder text(String text) {
    int n = text.length();
    int plain = 0;
    while (plain < n && isPlain(text.charAt(plain))) {
      plain++;
    }
    ascii(text, 0, plain);
    for (int i = plain; i < n; i++) {
      char c = text.charAt(i);
      String entity = XmlText.entity(c);
      if (entity != null) {
        ascii(entity);
      } else if (Character.isSurrogate(c)) {
        if (XmlText.isPairAt(text, i)) { // one code point of four bytes
          codePoint(Character.toCodePoint(c, text.charAt(++i)));
        }
      } else if (XmlText.isCarried(c)) {
        codePoint(c);
      }
    }
    return this;
  }

  /** Printable ASCII that XML carries as itself, by character: one load per character. */
  private static final boolean[] PLAIN = new boolean[0x80];

  static {
    for (char c = 0x20; c < 0x7F; c++) {
      PLAIN[c] = XmlText.entity(c) == null;
    }
  }

  private static boolean isPlain(char c) {
    return c < 0x80 && PLAIN[c];
  }

  /** Appends one Unicode code point (a lone surrogate as its three bytes). */
  public Utf8Builder codePoint(int c) {
    ensure(4);
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      bytes[length++] = (byte) (0xE0 | (c >> 12));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    } else {
      bytes[length++] = (byte) (0xF0 | (c >> 18));
      bytes[length++] = (byte) (0x80 | ((c >> 12) & 0x3F));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }
    return this;
  }

  /**
   * Appends {@code value} in {@code digits} decimal digits, zero-padded (0 ≤ value < 10^digits).
   */
  public Utf8Builder digits(int value, int digits) {
    return digits((long) value, digits);
  }

  private Utf8Builder digits(long value, int digits) {
    ensure(digits);
    for (int i = length + digits - 1; i >= length; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
    }
  }

  /** Appends {@code value} in decimal. */
  public Utf8Builder number(long value) {
    if (value < 0) {
      if (value == Long.MIN_VALUE) {
        return ascii(Long.toString(value));
      }
      ascii('-');
      value = -value;
    }
    int digits = 1;
    for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
      digits++;
    }
    return digits(value, digits);
  }

  /** Writes what was appended to {@code out}, in one write. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  /**
   * Hands the bytes appended to {@code taker}, without a copy: it may read them during the call.
   */
  <T> T takenBy(XmlResponseWriter.BodyTaker<T> taker) {
    return taker.take(bytes, length);
  }

  public byte[] toBytes() {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
