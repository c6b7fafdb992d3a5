package io.iamlocal.protocol.xml;

/** Escapes text for XML 1.0 element content, dropping characters XML cannot carry. */
public final class XmlText {
  private XmlText() {}

  public static void append(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\r' -> out.append("&#13;");
        default -> {
          // XML 1.0 forbids most C0 controls even as references, U+FFFE and U+FFFF, and lone
          // surrogates (which UTF-8 encoding would turn into '?'); the SDK parsers would choke.
          if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) {
              out.append(c).append(text.charAt(++i));
            }
          } else if ((c >= 0x20 && c < 0xFFFE) || c == '\t' || c == '\n') {
            out.append(c);
          }
        }
      }
    }
  }

  public static String escape(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    append(out, text);
    return out.toString();
  }
}
