package io.iamlocal.protocol.fuzz;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Parses response bodies with the JDK's XML parser, from UTF-8 bytes as they go on the wire. */
final class FuzzXml {
  private static final ThreadLocal<DocumentBuilder> BUILDER =
      ThreadLocal.withInitial(FuzzXml::newBuilder);

  private FuzzXml() {}

  /**
   * The parsed document; an {@link AssertionError} naming the problem if {@code xml} is not
   * well-formed.
   */
  static Document parse(String xml) {
    try {
      return BUILDER.get().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML (" + e.getMessage() + "):\n" + xml, e);
    }
  }

  /**
   * What XML 1.0 can carry of {@code text}: the characters XmlText keeps (tab, newline, carriage
   * return, U+0020–U+D7FF, U+E000–U+FFFD and paired surrogates); everything else is dropped.
   */
  static String carried(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean lone = Character.isSurrogate(text.charAt(i)) && width == 1;
      if (!lone
          && (cp == 0x9
              || cp == 0xA
              || cp == 0xD
              || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000)) {
        out.appendCodePoint(cp);
      }
      i += width;
    }
    return out.toString();
  }

  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) throws SAXParseException {
              throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      return builder;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
