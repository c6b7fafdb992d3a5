package io.iamlocal.server.state;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A SAML 2.0 identity provider registered in IAM: the metadata document as uploaded and parsed, the
 * assertion encryption mode and the private keys that decrypt assertions. AssumeRoleWithSAML reads
 * {@link #metadata()} for the issuer and the signing certificates.
 */
public final class SamlProvider {
  private final String name;
  private final String arn;
  private final String samlProviderUuid;
  private final Instant createDate;
  private final Tags tags = new Tags();
  private final List<PrivateKeyEntry> privateKeys = new ArrayList<>(2);
  private String metadataDocument;
  private SamlMetadata metadata;
  private String assertionEncryptionMode = "Allowed";

  /** A private key added with AddPrivateKey, by the KeyId that RemovePrivateKey names. */
  public record PrivateKeyEntry(String keyId, Instant timestamp, PrivateKey key) {}

  SamlProvider(
      String name,
      String arn,
      String samlProviderUuid,
      String metadataDocument,
      SamlMetadata metadata,
      Instant createDate) {
    this.name = name;
    this.arn = arn;
    this.samlProviderUuid = samlProviderUuid;
    this.metadataDocument = metadataDocument;
    this.metadata = metadata;
    this.createDate = createDate;
  }

  public String name() {
    return name;
  }

  /** {@code arn:aws:iam::ACCOUNT:saml-provider/NAME}. */
  public String arn() {
    return arn;
  }

  public String samlProviderUuid() {
    return samlProviderUuid;
  }

  public Instant createDate() {
    return createDate;
  }

  /** The document exactly as uploaded, as GetSAMLProvider returns it. */
  public String metadataDocument() {
    return metadataDocument;
  }

  /** The parsed metadata: issuer (entityID), signing and encryption certificates. */
  public SamlMetadata metadata() {
    return metadata;
  }

  void setMetadata(String document, SamlMetadata parsed) {
    this.metadataDocument = document;
    this.metadata = parsed;
  }

  public Instant validUntil() {
    return metadata.validUntil();
  }

  /** {@code Allowed} (the default) or {@code Required}. */
  public String assertionEncryptionMode() {
    return assertionEncryptionMode;
  }

  void setAssertionEncryptionMode(String mode) {
    this.assertionEncryptionMode = mode;
  }

  public List<PrivateKeyEntry> privateKeys() {
    return List.copyOf(privateKeys);
  }

  List<PrivateKeyEntry> mutablePrivateKeys() {
    return privateKeys;
  }

  public Tags tags() {
    return tags;
  }
}
