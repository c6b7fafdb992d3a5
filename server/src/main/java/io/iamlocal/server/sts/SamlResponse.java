package io.iamlocal.server.sts;

import io.iamlocal.server.xml.SafeXml;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The parts of a base64 SAML 2.0 {@code samlp:Response} that AssumeRoleWithSAML uses: the issuer,
 * the subject and its format, the recipient (audience), the validity limits and the attributes
 * (Role, RoleSessionName, SessionDuration, SourceIdentity, PrincipalTag:*, TransitiveTagKeys).
 * Parsed without DTDs, external entities or XInclude, since the document comes from the caller.
 *
 * <p>XML signatures are not verified: the assertion is trusted once its issuer matches the SAML
 * provider's metadata. (IAMLocal is for tests, where IdPs are usually fakes with throwaway keys.)
 */
record SamlResponse(
    String issuer,
    String subject,
    String subjectFormat,
    String recipient,
    Instant notOnOrAfter,
    Instant sessionNotOnOrAfter,
    Map<String, List<String>> attributes) {
  static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
  static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
  static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";

  /** The assertion could not be read. */
  static final class InvalidSamlException extends Exception {
    InvalidSamlException(String reason) {
      super(reason, null, false, false);
    }
  }

  static SamlResponse parse(String base64) throws InvalidSamlException {
    byte[] xml;
    try {
      xml = Base64.getMimeDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidSamlException(
          "Invalid base64 SAMLResponse (check that it is correctly encoded)");
    }
    Element root = parseXml(xml).getDocumentElement();
    Element assertion =
        ASSERTION_NS.equals(root.getNamespaceURI()) && "Assertion".equals(root.getLocalName())
            ? root
            : first(root, ASSERTION_NS, "Assertion");
    if (assertion == null) {
      throw new InvalidSamlException("Invalid SAML response: no assertion found");
    }
    Element issuerElement = first(assertion, ASSERTION_NS, "Issuer");
    if (issuerElement == null) {
      issuerElement = first(root, ASSERTION_NS, "Issuer");
    }
    Element subject = first(assertion, ASSERTION_NS, "Subject");
    Element nameId = subject == null ? null : first(subject, ASSERTION_NS, "NameID");
    Element confirmationData =
        subject == null ? null : first(subject, ASSERTION_NS, "SubjectConfirmationData");
    Element conditions = first(assertion, ASSERTION_NS, "Conditions");
    Element authn = first(assertion, ASSERTION_NS, "AuthnStatement");
    Instant notOnOrAfter =
        earliest(time(conditions, "NotOnOrAfter"), time(confirmationData, "NotOnOrAfter"));
    String recipient =
        confirmationData == null ? null : emptyToNull(confirmationData.getAttribute("Recipient"));
    if (recipient == null && conditions != null) {
      Element audience = first(conditions, ASSERTION_NS, "Audience");
      recipient = audience == null ? null : audience.getTextContent().strip();
    }
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    NodeList attributeNodes = assertion.getElementsByTagNameNS(ASSERTION_NS, "Attribute");
    for (int i = 0; i < attributeNodes.getLength(); i++) {
      Element attribute = (Element) attributeNodes.item(i);
      List<String> values =
          attributes.computeIfAbsent(attribute.getAttribute("Name"), k -> new ArrayList<>());
      NodeList valueNodes = attribute.getElementsByTagNameNS(ASSERTION_NS, "AttributeValue");
      for (int j = 0; j < valueNodes.getLength(); j++) {
        values.add(valueNodes.item(j).getTextContent().strip());
      }
    }
    return new SamlResponse(
        issuerElement == null ? null : issuerElement.getTextContent().strip(),
        nameId == null ? null : nameId.getTextContent().strip(),
        nameId == null ? null : emptyToNull(nameId.getAttribute("Format")),
        recipient,
        notOnOrAfter,
        time(authn, "SessionNotOnOrAfter"),
        attributes);
  }

  /**
   * The first value of an AWS attribute ({@code https://aws.amazon.com/SAML/Attributes/NAME}), or
   * null.
   */
  String attribute(String name) {
    List<String> values = attributes.get(ATTRIBUTES + name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  List<String> attributeValues(String name) {
    return attributes.getOrDefault(ATTRIBUTES + name, List.of());
  }

  /**
   * {@code persistent}, {@code transient}, or the full format URI for any other format, as AWS
   * reports SubjectType.
   */
  String subjectType() {
    if (subjectFormat == null) {
      return null;
    }
    String prefix = "urn:oasis:names:tc:SAML:2.0:nameid-format:";
    if (subjectFormat.equals(prefix + "persistent")) {
      return "persistent";
    }
    if (subjectFormat.equals(prefix + "transient")) {
      return "transient";
    }
    return subjectFormat;
  }

  private static Document parseXml(byte[] xml) throws InvalidSamlException {
    try {
      return SafeXml.parse(xml);
    } catch (Exception e) {
      throw new InvalidSamlException("Invalid SAML response: not well-formed XML");
    }
  }

  private static Element first(Element parent, String ns, String localName) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        return e;
      }
    }
    NodeList deep = parent.getElementsByTagNameNS(ns, localName);
    return deep.getLength() == 0 ? null : (Element) deep.item(0);
  }

  private static Instant time(Element element, String attribute) {
    if (element == null || element.getAttribute(attribute).isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(element.getAttribute(attribute)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant earliest(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
