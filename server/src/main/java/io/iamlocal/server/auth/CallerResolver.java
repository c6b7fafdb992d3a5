package io.iamlocal.server.auth;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.sigv4.SigningCredential;
import io.iamlocal.sigv4.Verified;

/** Turns the credential that signed a request into the {@link Caller} IAM sees. */
public class CallerResolver {

  public Caller callerOf(SigningCredential credential, AccountState account) {
    if (credential.principal() instanceof AccessKey key) {
      if (key.owner() == null) {
        return Caller.root(account.accountId(), key.accessKeyId());
      }
      return Caller.user(key.owner(), key.accessKeyId());
    }
    throw new AwsServiceException(AwsErrorCode.INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
  }

  /** Feeds GetAccessKeyLastUsed from real traffic. */
  public void recordUse(Verified verified, AccountState account) {
    if (verified.credential().principal() instanceof AccessKey key) {
      key.recordUse(account.now(), verified.scope().service(), verified.scope().region());
    }
  }
}
