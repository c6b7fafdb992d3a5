package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.netty.HttpDates;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/**
 * S3's REST-XML: response documents, error documents, response headers, and safe parsing of request
 * XML.
 */
final class S3Xml {
  static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private S3Xml() {}

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** {@code <name>escaped value</name>}. */
  static StringBuilder element(StringBuilder out, String name, Object value) {
    return out.append('<')
        .append(name)
        .append('>')
        .append(escape(String.valueOf(value)))
        .append("</")
        .append(name)
        .append('>');
  }

  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** ISO-8601 with milliseconds, as S3 writes {@code LastModified}. */
  static String iso(Instant instant) {
    return ISO_MILLIS.format(instant);
  }

  /**
   * The HTTP date (IMF-fixdate, two-digit day) of the instant's second, as S3 writes {@code
   * Last-Modified}.
   */
  static String httpDate(Instant instant) {
    return HttpDates.imfFixdate(instant.getEpochSecond());
  }

  static Map<String, String> headers(String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amz-request-id", requestId);
    headers.put("x-amz-id-2", requestId);
    return headers;
  }

  static HttpResponseData xml(int status, String body, String requestId) {
    return new HttpResponseData(
        status,
        "application/xml",
        body.getBytes(StandardCharsets.UTF_8),
        requestId,
        headers(requestId));
  }

  static HttpResponseData empty(int status, String requestId, Map<String, String> extra) {
    Map<String, String> headers = headers(requestId);
    headers.putAll(extra);
    return new HttpResponseData(status, "application/xml", new byte[0], requestId, headers);
  }

  static HttpResponseData error(S3Error e, String requestId, boolean head) {
    if (head) {
      return empty(e.status, requestId, Map.of());
    }
    StringBuilder body = new StringBuilder(DECLARATION).append("<Error>");
    element(body, "Code", e.code);
    element(body, "Message", e.getMessage());
    e.details.forEach((k, v) -> element(body, k, v));
    element(body, "RequestId", requestId);
    element(body, "HostId", requestId);
    return xml(e.status, body.append("</Error>").toString(), requestId);
  }

  /**
   * Parses request XML with DTDs and external entities refused; malformed XML is S3's MalformedXML.
   */
  static Document parse(byte[] body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setNamespaceAware(false);
      io.iamlocal.server.xml.SafeXml.limitDepth(factory);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (Exception e) {
      throw S3Error.malformedXml();
    }
  }
}
