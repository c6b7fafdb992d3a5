package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.crypto.SshRsaKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SSH public keys of an account's users, by user ID (stable across renames), in upload order.
 * Holds IAM's rules: RSA keys only, no key twice for one user, five keys per user.
 */
public final class SshPublicKeys {
  /** "SSH public keys per IAM user: 5" (IAM quotas page). */
  public static final int KEYS_PER_USER = 5;

  private final Map<String, List<SshPublicKey>> byUserId = new HashMap<>();

  public static SshPublicKeys of(AccountState account) {
    return account.extension(SshPublicKeys.class, a -> new SshPublicKeys());
  }

  /** The user's keys, oldest first. */
  public List<SshPublicKey> of(User user) {
    return List.copyOf(byUserId.getOrDefault(user.userId(), List.of()));
  }

  public boolean hasAny(User user) {
    return !byUserId.getOrDefault(user.userId(), List.of()).isEmpty();
  }

  public SshPublicKey upload(User user, String body, IdGenerator ids, Instant now) {
    SshRsaKeys.ParsedKey key;
    try {
      key = SshRsaKeys.parse(body);
    } catch (SshRsaKeys.KeyException e) {
      // Texts are the API reference's descriptions of the two errors; no live message was found.
      throw e.problem() == SshRsaKeys.Problem.UNRECOGNIZED_ENCODING
          ? new AwsServiceException(
              AwsErrorCode.UNRECOGNIZED_PUBLIC_KEY_ENCODING,
              "The request was rejected because the public key encoding format is unsupported or unrecognized.")
          : new AwsServiceException(
              AwsErrorCode.INVALID_PUBLIC_KEY,
              "The request was rejected because the public key is malformed or otherwise invalid.");
    }
    List<SshPublicKey> keys = byUserId.computeIfAbsent(user.userId(), k -> new ArrayList<>());
    for (SshPublicKey existing : keys) {
      if (Arrays.equals(existing.blob(), key.blob())) {
        throw new AwsServiceException(
            AwsErrorCode.DUPLICATE_SSH_PUBLIC_KEY,
            "The request was rejected because the SSH public key is already associated with the specified IAM user.");
      }
    }
    if (keys.size() >= KEYS_PER_USER) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for SSHPublicKeysPerUser: " + KEYS_PER_USER);
    }
    SshPublicKey created = new SshPublicKey(ids.accessKeyId(IdPrefix.APKA), user, body, key, now);
    keys.add(created);
    return created;
  }

  /** The user's key with this ID; another user's key is as unknown as a missing one. */
  public SshPublicKey require(User user, String sshPublicKeyId) {
    for (SshPublicKey key : byUserId.getOrDefault(user.userId(), List.of())) {
      if (key.sshPublicKeyId().equals(sshPublicKeyId)) {
        return key;
      }
    }
    // Recorded from AWS (LocalStack parity snapshot test_iam_ssh_public_keys, 2026).
    throw AwsServiceException.noSuchEntity(
        "The Public Key with id " + sshPublicKeyId + " cannot be found.");
  }

  public void delete(User user, String sshPublicKeyId) {
    SshPublicKey key = require(user, sshPublicKeyId);
    byUserId.get(user.userId()).remove(key);
  }
}
