package io.iamlocal.server.dispatch;

import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.VerificationResult;
import io.iamlocal.sigv4.Verified;

/** Verifies a request's SigV4 signature and, when it holds, notes the key's use (access key last used). */
public final class SignedRequests {
  private SignedRequests() {}

  /** The verification result; each service maps a failure to its own error. */
  public static VerificationResult verify(SignatureVerifier verifier, CallerResolver callers, IamLocalState state,
      HttpRequestData request) {
    VerificationResult result = verifier.verify(
        new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), request.body()));
    if (result instanceof Verified verified) {
      callers.recordUse(verified, state.account());
    }
    return result;
  }
}
