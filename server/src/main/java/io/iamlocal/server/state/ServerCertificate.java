package io.iamlocal.server.state;

import java.time.Instant;

/**
 * An uploaded server (TLS) certificate with its private key and chain. The private key is kept for
 * a later TLS use but is never returned by any operation. Guarded by the account lock.
 */
public final class ServerCertificate {
  private final Partition partition;
  private final String accountId;
  private final String serverCertificateId;
  private final String certificateBody;
  private final String certificateChain;
  private final String privateKey;
  private final Instant expiration;
  private final Instant uploadDate;
  private final Tags tags = new Tags();
  private String serverCertificateName;
  private String path;

  ServerCertificate(
      Partition partition,
      String accountId,
      String serverCertificateId,
      String name,
      String path,
      String certificateBody,
      String certificateChain,
      String privateKey,
      Instant expiration,
      Instant uploadDate) {
    this.partition = partition;
    this.accountId = accountId;
    this.serverCertificateId = serverCertificateId;
    this.serverCertificateName = name;
    this.path = path;
    this.certificateBody = certificateBody;
    this.certificateChain = certificateChain;
    this.privateKey = privateKey;
    this.expiration = expiration;
    this.uploadDate = uploadDate;
  }

  public String serverCertificateId() {
    return serverCertificateId;
  }

  public String serverCertificateName() {
    return serverCertificateName;
  }

  void rename(String newName) {
    this.serverCertificateName = newName;
  }

  public String path() {
    return path;
  }

  void setPath(String path) {
    this.path = path;
  }

  public String arn() {
    return Arns.iam(partition, accountId, "server-certificate", path, serverCertificateName);
  }

  public String certificateBody() {
    return certificateBody;
  }

  /** The chain as uploaded, or null when none was given. */
  public String certificateChain() {
    return certificateChain;
  }

  /** The PEM private key; for TLS use only, never for output. */
  public String privateKey() {
    return privateKey;
  }

  /** The certificate's notAfter. */
  public Instant expiration() {
    return expiration;
  }

  public Instant uploadDate() {
    return uploadDate;
  }

  public Tags tags() {
    return tags;
  }
}
