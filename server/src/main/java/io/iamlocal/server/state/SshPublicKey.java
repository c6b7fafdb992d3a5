package io.iamlocal.server.state;

import io.iamlocal.server.crypto.SshRsaKeys;
import java.time.Instant;

/**
 * An SSH public key of an IAM user (for CodeCommit). Keeps the body exactly as uploaded and the
 * parsed key, so GetSSHPublicKey can answer in either encoding. Guarded by the account lock.
 */
public final class SshPublicKey {
  private final String sshPublicKeyId;
  private final User owner;
  private final String body;
  private final SshRsaKeys.ParsedKey key;
  private final Instant uploadDate;
  private String status = "Active";

  SshPublicKey(
      String sshPublicKeyId,
      User owner,
      String body,
      SshRsaKeys.ParsedKey key,
      Instant uploadDate) {
    this.sshPublicKeyId = sshPublicKeyId;
    this.owner = owner;
    this.body = body;
    this.key = key;
    this.uploadDate = uploadDate;
  }

  public String sshPublicKeyId() {
    return sshPublicKeyId;
  }

  public User owner() {
    return owner;
  }

  /** The body as uploaded. */
  public String body() {
    return body;
  }

  public String fingerprint() {
    return key.fingerprint();
  }

  /**
   * The key in the requested encoding: the uploaded text when it already is in that encoding,
   * otherwise converted ({@code ssh-rsa BASE64} or an X.509 {@code PUBLIC KEY} PEM block).
   */
  public String body(SshRsaKeys.Format encoding) {
    if (encoding == key.format()) {
      return body;
    }
    return encoding == SshRsaKeys.Format.SSH
        ? SshRsaKeys.openSsh(key.blob())
        : SshRsaKeys.pem(key.key());
  }

  byte[] blob() {
    return key.blob();
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
