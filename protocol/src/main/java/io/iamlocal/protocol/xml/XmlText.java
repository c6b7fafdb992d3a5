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
          // XML 1.0 forbids most C0 controls even as references; the SDK parsers would choke.
          if (c >= 0x20 || c == '\t' || c == '\n') {
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
