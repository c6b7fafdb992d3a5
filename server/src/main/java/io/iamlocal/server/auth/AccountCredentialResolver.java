package io.iamlocal.server.auth;

import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Sessions;
import io.iamlocal.sigv4.CredentialResolver;
import io.iamlocal.sigv4.SigningCredential;
import java.util.Optional;

/**
 * Finds the secret for an access key ID in the current account. Inactive keys resolve to nothing,
 * so they are refused exactly like unknown keys ({@code InvalidClientTokenId}), as AWS does.
 * STS session keys resolve with their session token, which the verifier then demands in
 * {@code X-Amz-Security-Token}; expired sessions still resolve, so that {@link CallerResolver}
 * can answer {@code ExpiredToken}.
 */
public final class AccountCredentialResolver implements CredentialResolver {
  private final IamLocalState state;

  public AccountCredentialResolver(IamLocalState state) {
    this.state = state;
  }

  @Override
  public Optional<SigningCredential> resolve(String accessKeyId) {
    Optional<SigningCredential> found = resolve(state.account(), accessKeyId);
    // STAND-IN (partitions branch): keys of the other partitions' accounts, until the accounts branch resolves by account.
    for (var it = state.otherPartitionAccounts().iterator(); found.isEmpty() && it.hasNext(); ) {
      found = resolve(it.next(), accessKeyId);
    }
    return found;
  }

  private static Optional<SigningCredential> resolve(AccountState account, String accessKeyId) {
    AccessKey key = account.accessKeys().get(accessKeyId);
    if (key == null) {
      Session session = Sessions.of(account).get(accessKeyId);
      return session == null ? Optional.empty()
          : Optional.of(new SigningCredential(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), session));
    }
    if (!key.isActive()) {
      return Optional.empty();
    }
    return Optional.of(new SigningCredential(key.accessKeyId(), key.secretAccessKey(), null, key));
  }
}
