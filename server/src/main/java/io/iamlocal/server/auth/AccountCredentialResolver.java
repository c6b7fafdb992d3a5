package io.iamlocal.server.auth;

import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Accounts;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.Session;
import io.iamlocal.sigv4.CredentialResolver;
import io.iamlocal.sigv4.SigningCredential;
import java.util.Optional;

/**
 * Finds the secret for an access key ID in whichever account holds it: root key IDs (the flags'
 * one, or a 12-digit account number) in the account they name, in the partition of the request's
 * region; every other key through the state's key index (O(1)). Inactive keys resolve to nothing,
 * so they are refused exactly like unknown keys ({@code InvalidClientTokenId}), as AWS does. STS
 * session keys resolve with their session token, which the verifier then demands in {@code
 * X-Amz-Security-Token}; expired sessions still resolve, so that {@link CallerResolver} can answer
 * {@code ExpiredToken}.
 */
public final class AccountCredentialResolver implements CredentialResolver {
  private final IamLocalState state;

  public AccountCredentialResolver(IamLocalState state) {
    this.state = state;
  }

  @Override
  public Optional<SigningCredential> resolve(String accessKeyId) {
    return resolve(accessKeyId, null);
  }

  @Override
  public Optional<SigningCredential> resolve(String accessKeyId, String region) {
    String rootAccount = state.rootAccountOf(accessKeyId);
    if (rootAccount != null) {
      // Found, not created: an account comes into being only once a signature with its root key
      // holds.
      AccountState account = state.accounts().find(Partition.forRegion(region), rootAccount);
      return usable(state.rootKey(account, accessKeyId));
    }
    Accounts.KeyHolder holder = state.accounts().holderOfKey(accessKeyId);
    if (holder == null) {
      return Optional.empty();
    }
    if (holder.credential() instanceof Session session) {
      return Optional.of(
          new SigningCredential(
              accessKeyId, // the session's, without building it again from its bits
              session.secretAccessKey(),
              session.sessionToken(),
              session));
    }
    return usable((AccessKey) holder.credential());
  }

  private static Optional<SigningCredential> usable(AccessKey key) {
    if (!key.isActive()) {
      return Optional.empty();
    }
    return Optional.of(new SigningCredential(key.accessKeyId(), key.secretAccessKey(), null, key));
  }
}
