package io.iamlocal.protocol.xml;

/** Escapes text for XML 1.0 element content, dropping characters XML cannot carry. */
public final class XmlText {
  private XmlText() {}

  public static void append(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String entity = entity(c);
      if (entity != null) {
        out.append(entity);
      } else if (Character.isSurrogate(c)) {
        if (isPairAt(text, i)) {
          out.append(c).append(text.charAt(++i));
        }
      } else if (isCarried(c)) {
        out.append(c);
      }
    }
  }

  /** The reference written for {@code c} in element content, or null when it needs none. */
  static String entity(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\r' -> "&#13;";
      default -> null;
    };
  }

  /**
   * Whether XML 1.0 carries {@code c}, a character that is not a surrogate: it forbids most C0
   * controls even as references, and U+FFFE and U+FFFF; the SDK parsers would choke.
   */
  static boolean isCarried(char c) {
    return (c >= 0x20 && c < 0xFFFE) || c == '\t' || c == '\n';
  }

  /**
   * Whether a surrogate pair, one code point, starts at {@code i}; lone surrogates are dropped
   * (UTF-8 encoding would turn them into '?').
   */
  static boolean isPairAt(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  public static String escape(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    append(out, text);
    return out.toString();
  }
}
