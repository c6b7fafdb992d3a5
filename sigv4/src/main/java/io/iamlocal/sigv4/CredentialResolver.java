package io.iamlocal.sigv4;

import java.util.Optional;

/** Looks up the signing material for an access key id; empty means the key is unknown. */
@FunctionalInterface
public interface CredentialResolver {
    Optional<SigningCredential> resolve(String accessKeyId);
}
