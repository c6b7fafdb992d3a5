package io.iamlocal.server.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsing of caller-supplied XML with DTDs, external entities and XInclude
 * refused, and nothing reported on stderr.
 */
public final class SafeXml {
  private SafeXml() {}

  /** Parses a document given as text. */
  public static Document parse(String xml)
      throws ParserConfigurationException, SAXException, IOException {
    return parse(new InputSource(new StringReader(xml)));
  }

  /** Parses a document given as bytes (the encoding is read from the document). */
  public static Document parse(byte[] xml)
      throws ParserConfigurationException, SAXException, IOException {
    return parse(new InputSource(new ByteArrayInputStream(xml)));
  }

  private static Document parse(InputSource source)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    limitDepth(factory);
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(SILENT);
    return builder.parse(source);
  }

  /** Deepest element nesting accepted in request XML: far below what a thread stack can walk. */
  public static final int MAX_DEPTH = 64;

  /**
   * Makes {@code factory}'s parsers refuse elements nested deeper than {@link #MAX_DEPTH} (a fatal
   * parse error).
   */
  public static void limitDepth(DocumentBuilderFactory factory) {
    factory.setAttribute(
        "http://www.oracle.com/xml/jaxp/properties/maxElementDepth", String.valueOf(MAX_DEPTH));
  }

  /** Reports nothing on stderr; errors and fatal errors still abort the parse. */
  private static final ErrorHandler SILENT =
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
      };
}
