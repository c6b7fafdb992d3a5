package io.iamlocal.server.state;

import io.iamlocal.server.crypto.Pem;
import io.iamlocal.server.xml.SafeXml;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The parts of a SAML 2.0 IdP metadata document that IAM uses: the issuer ({@code entityID}), the
 * certificates that sign assertions and those that encrypt them, and how long the metadata is
 * valid. Parsed without DTDs, external entities or XInclude, since the document comes from the
 * caller.
 *
 * @param entityId the IdP's entity ID, which SAML assertions carry as their {@code Issuer}
 * @param validUntil the metadata's {@code validUntil}, else when its first certificate expires
 */
public record SamlMetadata(
    String entityId,
    Instant validUntil,
    List<X509Certificate> signingCertificates,
    List<X509Certificate> encryptionCertificates) {
  static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
  static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

  /** Metadata IAM cannot use, with the reason. */
  public static final class InvalidMetadataException extends Exception {
    InvalidMetadataException(String reason) {
      super(reason, null, false, false);
    }
  }

  public SamlMetadata {
    signingCertificates = List.copyOf(signingCertificates);
    encryptionCertificates = List.copyOf(encryptionCertificates);
  }

  /**
   * Parses an {@code md:EntityDescriptor} with an {@code md:IDPSSODescriptor} that has at least one
   * signing certificate (a {@code KeyDescriptor} with {@code use="signing"} or no {@code use}).
   */
  public static SamlMetadata parse(String xml) throws InvalidMetadataException {
    Element root = parseXml(xml).getDocumentElement();
    if (!METADATA_NS.equals(root.getNamespaceURI())
        || !"EntityDescriptor".equals(root.getLocalName())) {
      throw new InvalidMetadataException("the root element is not a SAML 2.0 md:EntityDescriptor");
    }
    String entityId = root.getAttribute("entityID").strip();
    if (entityId.isEmpty()) {
      throw new InvalidMetadataException("entityID is missing");
    }
    Element idp = firstChild(root, METADATA_NS, "IDPSSODescriptor");
    if (idp == null) {
      throw new InvalidMetadataException("no md:IDPSSODescriptor");
    }
    List<X509Certificate> signing = new ArrayList<>();
    List<X509Certificate> encryption = new ArrayList<>();
    for (Element keyDescriptor : children(idp, METADATA_NS, "KeyDescriptor")) {
      String use = keyDescriptor.getAttribute("use");
      for (X509Certificate certificate : certificates(keyDescriptor)) {
        if (use.isEmpty() || use.equals("signing")) {
          signing.add(certificate);
        }
        if (use.isEmpty() || use.equals("encryption")) {
          encryption.add(certificate);
        }
      }
    }
    if (signing.isEmpty()) {
      throw new InvalidMetadataException("no signing certificate in the md:IDPSSODescriptor");
    }
    Instant validUntil = dateTime(root.getAttribute("validUntil"));
    if (validUntil == null) {
      validUntil =
          signing.stream()
              .map(c -> c.getNotAfter().toInstant())
              .min(Comparator.naturalOrder())
              .orElseThrow();
    }
    return new SamlMetadata(entityId, validUntil, signing, encryption);
  }

  private static Document parseXml(String xml) throws InvalidMetadataException {
    try {
      return SafeXml.parse(xml);
    } catch (Exception e) {
      throw new InvalidMetadataException("not well-formed XML, or it declares a DTD");
    }
  }

  private static List<X509Certificate> certificates(Element keyDescriptor)
      throws InvalidMetadataException {
    List<X509Certificate> out = new ArrayList<>();
    var nodes = keyDescriptor.getElementsByTagNameNS(DSIG_NS, "X509Certificate");
    for (int i = 0; i < nodes.getLength(); i++) {
      String base64 = nodes.item(i).getTextContent().replaceAll("\\s+", "");
      try {
        out.add(Pem.certificate(Base64.getDecoder().decode(base64)));
      } catch (IllegalArgumentException | Pem.InvalidPemException e) {
        throw new InvalidMetadataException("an X509Certificate is not a base64 DER certificate");
      }
    }
    return out;
  }

  private static Instant dateTime(String text) throws InvalidMetadataException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        // xs:dateTime without a zone: SAML says such times are UTC.
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new InvalidMetadataException("validUntil is not an xs:dateTime");
      }
    }
  }

  private static Element firstChild(Element parent, String ns, String localName) {
    List<Element> found = children(parent, ns, localName);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && ns.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }
}
