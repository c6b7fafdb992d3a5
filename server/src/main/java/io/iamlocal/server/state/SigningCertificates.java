package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.crypto.Pem;
import io.iamlocal.server.crypto.Sha256;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signing certificates of an account: per owner (user ID, or root), in upload order, plus an
 * index of every certificate so that one certificate cannot belong to two principals.
 */
public final class SigningCertificates {
  /** "Signing certificates per IAM user: 2" (IAM quotas page). */
  public static final int CERTIFICATES_PER_USER = 2;

  private static final String ROOT = "";
  private static final char[] ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
  private final Map<String, List<SigningCertificate>> byOwner = new HashMap<>();
  private final Map<String, SigningCertificate> byFingerprint = new HashMap<>();

  public static SigningCertificates of(AccountState account) {
    return account.extension(SigningCertificates.class, a -> new SigningCertificates());
  }

  private static String ownerKey(User owner) {
    return owner == null ? ROOT : owner.userId();
  }

  /** The owner's certificates (root's when {@code owner} is null), oldest first. */
  public List<SigningCertificate> of(User owner) {
    return List.copyOf(byOwner.getOrDefault(ownerKey(owner), List.of()));
  }

  public boolean hasAny(User user) {
    return !byOwner.getOrDefault(ownerKey(user), List.of()).isEmpty();
  }

  public SigningCertificate upload(User owner, String body, IdGenerator ids, Instant now) {
    X509Certificate certificate = parse(body, now);
    String fingerprint;
    try {
      fingerprint = Sha256.hex(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw malformed(body);
    }
    if (byFingerprint.containsKey(fingerprint)) {
      // The API reference's description of DuplicateCertificate; no live message was found.
      throw new AwsServiceException(
          AwsErrorCode.DUPLICATE_CERTIFICATE,
          "The request was rejected because the same certificate is associated with an IAM user in the account.");
    }
    List<SigningCertificate> owned =
        byOwner.computeIfAbsent(ownerKey(owner), k -> new ArrayList<>());
    if (owned.size() >= CERTIFICATES_PER_USER) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for CertificatesPerUser: " + CERTIFICATES_PER_USER);
    }
    // AWS certificate IDs are 24+ characters of [A-Z0-9] with no type prefix (e.g.
    // TA7SMP42TDN5Z26OBPJE7EXAMPLE).
    SigningCertificate created =
        new SigningCertificate(
            ids.randomChars(ID_ALPHABET, 28), owner, body, certificate, fingerprint, now);
    owned.add(created);
    byFingerprint.put(fingerprint, created);
    return created;
  }

  /**
   * One PEM certificate. Unparseable text is MalformedCertificate with AWS's recorded text (which
   * echoes the body); the API reference also files an expired certificate under
   * MalformedCertificate ("malformed or expired"). A certificate without an RSA key is
   * InvalidCertificate: the legacy SOAP and EC2 tools that use signing certificates sign with RSA.
   */
  private static X509Certificate parse(String body, Instant now) {
    X509Certificate certificate;
    try {
      certificate = Pem.certificate(body);
    } catch (Pem.InvalidPemException e) {
      throw malformed(body);
    }
    if (!"RSA".equals(certificate.getPublicKey().getAlgorithm())) {
      throw new AwsServiceException(
          AwsErrorCode.INVALID_CERTIFICATE, "The certificate must have an RSA public key.");
    }
    try {
      certificate.checkValidity(Date.from(now));
    } catch (java.security.cert.CertificateException e) {
      throw new AwsServiceException(
          AwsErrorCode.MALFORMED_CERTIFICATE, "The certificate is expired or not yet valid.");
    }
    return certificate;
  }

  private static AwsServiceException malformed(String body) {
    return new AwsServiceException(
        AwsErrorCode.MALFORMED_CERTIFICATE, "Certificate " + body + " is malformed.");
  }

  /**
   * The owner's certificate with this ID; another principal's certificate is as unknown as a
   * missing one.
   */
  public SigningCertificate require(User owner, String certificateId) {
    for (SigningCertificate certificate : byOwner.getOrDefault(ownerKey(owner), List.of())) {
      if (certificate.certificateId().equals(certificateId)) {
        return certificate;
      }
    }
    throw AwsServiceException.noSuchEntity(
        "The Certificate with id " + certificateId + " cannot be found.");
  }

  public void delete(User owner, String certificateId) {
    SigningCertificate certificate = require(owner, certificateId);
    byOwner.get(ownerKey(owner)).remove(certificate);
    byFingerprint.remove(certificate.fingerprint());
  }
}
