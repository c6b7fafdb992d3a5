package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.crypto.Pem;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The server certificates of an account, unique by name case-insensitively, with the checks
 * UploadServerCertificate makes: PEM certificate, unencrypted matching private key, and a chain in
 * which each certificate signs the one before it.
 */
public final class ServerCertificates {
  /** "Server certificates stored in an AWS account: 20" (IAM quotas page). */
  public static final int CERTIFICATES_PER_ACCOUNT = 20;

  private final NamedStore<ServerCertificate> store =
      new NamedStore<>(ServerCertificate::serverCertificateName);

  public static ServerCertificates of(AccountState account) {
    return account.extension(ServerCertificates.class, a -> new ServerCertificates());
  }

  public NamedStore<ServerCertificate> store() {
    return store;
  }

  /** What UploadServerCertificate was given. */
  public record Upload(String name, String path, String body, String privateKey, String chain) {}

  public ServerCertificate upload(AccountState account, Upload upload, Instant now) {
    if (store.contains(upload.name())) {
      throw alreadyExists(upload.name());
    }
    if (store.size() >= CERTIFICATES_PER_ACCOUNT) {
      // Seen in a real LimitExceeded reported by a Terraform user.
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for ServerCertificatesPerAccount: " + CERTIFICATES_PER_ACCOUNT);
    }
    X509Certificate certificate;
    try {
      certificate = Pem.certificate(upload.body());
    } catch (Pem.InvalidPemException e) {
      // AWS's text, from a captured ErrorResponse.
      throw malformed(
          "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    }
    PrivateKey key;
    try {
      key = Pem.privateKey(upload.privateKey());
    } catch (Pem.InvalidPemException e) {
      throw malformed(
          "Unable to parse private key. Please ensure the private key is in PEM format and not encrypted.");
    }
    if (!Pem.matches(key, certificate.getPublicKey())) {
      throw new AwsServiceException(
          AwsErrorCode.KEY_PAIR_MISMATCH,
          "The request was rejected because the public key certificate and the private key do not match.");
    }
    String chain = upload.chain() == null ? null : upload.chain().strip();
    if (chain != null) {
      checkChain(certificate, chain);
    }
    ServerCertificate created =
        new ServerCertificate(
            account.partition(),
            account.accountId(),
            account.ids().uniqueId(IdPrefix.ASCA),
            upload.name(),
            upload.path(),
            upload.body().strip(),
            chain,
            upload.privateKey(),
            certificate.getNotAfter().toInstant(),
            now);
    store.put(created);
    return created;
  }

  /**
   * The chain must start with the certificate that signed the body, each next one signing the one
   * before; the message is AWS's, which gives the index of the first certificate that fails.
   */
  private static void checkChain(X509Certificate body, String chainPem) {
    List<X509Certificate> chain;
    try {
      chain = Pem.certificates(chainPem);
    } catch (Pem.InvalidPemException e) {
      throw malformed(
          "Unable to parse certificate chain. Please ensure the certificate chain is in PEM format.");
    }
    X509Certificate previous = body;
    for (int i = 0; i < chain.size(); i++) {
      if (!Pem.signedBy(previous, chain.get(i))) {
        throw malformed(
            "Unable to validate certificate chain. The certificate chain must start with the immediate signing "
                + "certificate, followed by any intermediaries in order. The index within the chain of the invalid certificate is: "
                + i);
      }
      previous = chain.get(i);
    }
  }

  public ServerCertificate require(String name) {
    ServerCertificate certificate = store.get(name);
    if (certificate == null) {
      throw AwsServiceException.noSuchEntity(
          "The Server Certificate with name " + name + " cannot be found.");
    }
    return certificate;
  }

  /** UpdateServerCertificate: a new name (unique) and/or a new path. */
  public void update(String name, String newName, String newPath) {
    ServerCertificate certificate = require(name);
    if (newName != null && !newName.equals(certificate.serverCertificateName())) {
      ServerCertificate other = store.get(newName);
      if (other != null && other != certificate) {
        throw alreadyExists(newName);
      }
      store.remove(certificate.serverCertificateName());
      certificate.rename(newName);
      store.put(certificate);
    }
    if (newPath != null) {
      certificate.setPath(newPath);
    }
  }

  public void delete(String name) {
    store.remove(require(name).serverCertificateName());
  }

  private static AwsServiceException alreadyExists(String name) {
    return AwsServiceException.alreadyExists(
        "The Server Certificate with name " + name + " already exists.");
  }

  private static AwsServiceException malformed(String message) {
    return new AwsServiceException(AwsErrorCode.MALFORMED_CERTIFICATE, message);
  }
}
