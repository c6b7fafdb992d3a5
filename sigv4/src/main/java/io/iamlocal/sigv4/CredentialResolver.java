package io.iamlocal.sigv4;

import java.util.Optional;

/** Looks up the signing material for an access key id; empty means the key is unknown. */
@FunctionalInterface
public interface CredentialResolver {
  Optional<SigningCredential> resolve(String accessKeyId);

  /**
   * As {@link #resolve(String)}, knowing the region of the credential scope (a server holding
   * accounts in several partitions picks the partition by it); null when unknown.
   */
  default Optional<SigningCredential> resolve(String accessKeyId, String region) {
    return resolve(accessKeyId);
  }
}
