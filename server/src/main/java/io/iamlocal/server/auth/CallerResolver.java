package io.iamlocal.server.auth;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Session;
import io.iamlocal.sigv4.SigningCredential;
import io.iamlocal.sigv4.Verified;
import java.time.Instant;

/**
 * Turns the credential that signed a request into the {@link Caller} IAM sees. Temporary
 * credentials past their expiration are refused here with the common {@code ExpiredToken} error
 * (403), not STS's {@code ExpiredTokenException}, which is about tokens passed as input.
 */
public class CallerResolver {

  public Caller callerOf(SigningCredential credential, AccountState account) {
    if (credential.principal() instanceof AccessKey key) {
      if (key.owner() == null) {
        return Caller.root(account.partition(), account.accountId(), key.accessKeyId());
      }
      return Caller.user(key.owner(), key.accessKeyId());
    }
    if (credential.principal() instanceof Session session) {
      if (session.isExpired(account.now())) {
        throw new AwsServiceException(
            AwsErrorCode.EXPIRED_TOKEN, "The security token included in the request is expired");
      }
      return Caller.of(session, credential.accessKeyId(), account.accountId());
    }
    throw new AwsServiceException(
        AwsErrorCode.INVALID_CLIENT_TOKEN_ID,
        "The security token included in the request is invalid.");
  }

  /** Feeds GetAccessKeyLastUsed and RoleLastUsed from real traffic. */
  public void recordUse(Verified verified, AccountState account) {
    recordUse(verified, account, account.now());
  }

  /** As above, used at {@code now} (the request's time, read once for all it records). */
  public void recordUse(Verified verified, AccountState account, Instant now) {
    if (verified.credential().principal() instanceof AccessKey key) {
      key.recordUse(now, verified.scope().service(), verified.scope().region());
    } else if (verified.credential().principal() instanceof Session session
        && session.role() != null
        && !session.isExpired(now)) {
      // RoleLastUsed, written without the account lock (the fields are volatile); a deleted role's
      // object is no longer reachable from the account, so writing to it changes nothing visible.
      session.role().recordUse(now, verified.scope().region());
    }
  }
}
