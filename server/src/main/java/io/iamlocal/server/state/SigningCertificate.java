package io.iamlocal.server.state;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** An X.509 signing certificate of an IAM user, or of the root user when {@code owner} is null. */
public final class SigningCertificate {
  private final String certificateId;
  private final User owner;
  private final String body;
  private final X509Certificate certificate;
  private final String fingerprint;
  private final Instant uploadDate;
  private String status = "Active";

  SigningCertificate(
      String certificateId,
      User owner,
      String body,
      X509Certificate certificate,
      String fingerprint,
      Instant uploadDate) {
    this.certificateId = certificateId;
    this.owner = owner;
    this.body = body;
    this.certificate = certificate;
    this.fingerprint = fingerprint;
    this.uploadDate = uploadDate;
  }

  public String certificateId() {
    return certificateId;
  }

  /** The owning user, or null for a root signing certificate. */
  public User owner() {
    return owner;
  }

  public String body() {
    return body;
  }

  public X509Certificate certificate() {
    return certificate;
  }

  String fingerprint() {
    return fingerprint;
  }

  public Instant uploadDate() {
    return uploadDate;
  }

  public String status() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }
}
