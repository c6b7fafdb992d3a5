package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.VerificationResult;
import io.iamlocal.sigv4.Verified;

/**
 * Verifies a request's SigV4 signature and, when it holds, notes the key's use (access key last
 * used).
 */
public final class SignedRequests {
  private SignedRequests() {}

  /**
   * How a service words its refusal of a signed request (S3 and the JSON services each have their
   * own).
   */
  public interface Refusals {
    RuntimeException badSignature(SigV4Failure failure);

    RuntimeException expiredToken();

    RuntimeException unknownToken();
  }

  /** The verification result; each service maps a failure to its own error. */
  public static VerificationResult verify(
      SignatureVerifier verifier,
      CallerResolver callers,
      IamLocalState state,
      HttpRequestData request) {
    VerificationResult result =
        verifier.verify(
            new SignableRequest(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                request.body()));
    if (result instanceof Verified verified) {
      AccountState account =
          state.accountOf(
              verified.credential().accessKeyId(),
              verified.credential().principal(),
              verified.scope().region());
      if (account != null) {
        callers.recordUse(verified, account);
      }
    }
    return result;
  }

  /**
   * The account a verified signature signs for; a key deleted meanwhile is the service's
   * unknown-token refusal.
   */
  public static AccountState account(IamLocalState state, Verified verified, Refusals refusals) {
    AccountState account =
        state.accountOf(
            verified.credential().accessKeyId(),
            verified.credential().principal(),
            verified.scope().region());
    if (account == null) {
      throw refusals.unknownToken();
    }
    return account;
  }

  /** The verified signature, or the service's refusal of it. */
  public static Verified verified(
      SignatureVerifier verifier,
      CallerResolver callers,
      IamLocalState state,
      HttpRequestData request,
      Refusals refusals) {
    VerificationResult result = verify(verifier, callers, state, request);
    if (result instanceof SigV4Failure failure) {
      throw refusals.badSignature(failure);
    }
    return (Verified) result;
  }

  /**
   * The caller a verified signature stands for; an expired or unknown session is the service's
   * refusal.
   */
  public static Caller caller(
      CallerResolver callers, Verified verified, AccountState account, Refusals refusals) {
    try {
      return callers.callerOf(verified.credential(), account);
    } catch (AwsServiceException e) {
      throw e.errorCode() == AwsErrorCode.EXPIRED_TOKEN
          ? refusals.expiredToken()
          : refusals.unknownToken();
    }
  }
}
