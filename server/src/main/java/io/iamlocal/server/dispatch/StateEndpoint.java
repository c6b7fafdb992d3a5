package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.server.authz.DenialLog;
import io.iamlocal.server.seed.StateExporter;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.VerificationResult;
import io.iamlocal.sigv4.Verified;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code GET /_iamlocal/state}: the account in the seed file format (JSON, or YAML with {@code
 * ?format=yaml}), for {@code --init}. It holds secrets, so the request must be SigV4-signed with a
 * root access key; errors are AWS's ({@code MissingAuthenticationToken}, {@code AccessDenied}…).
 */
public final class StateEndpoint {
  public static final String PATH = "/_iamlocal/state";
  public static final String DENIALS_PATH = "/_iamlocal/denials";
  private final IamLocalState state;
  private final SignatureVerifier verifier;

  public StateEndpoint(IamLocalState state, SignatureVerifier verifier) {
    this.state = state;
    this.verifier = verifier;
  }

  public HttpResponseData export(HttpRequestData request) {
    String requestId = RequestIds.next();
    Object signed =
        rootAccountOrRefusal(
            request, requestId, "Only the account's root user may export IAMLocal's state.");
    if (signed instanceof HttpResponseData refused) {
      return refused;
    }
    String query = request.rawQuery() == null ? "" : request.rawQuery();
    String accept = request.header("accept");
    boolean yaml =
        ("&" + query + "&").contains("&format=yaml&")
            || accept != null && accept.toLowerCase(Locale.ROOT).contains("yaml");
    AccountState account = (AccountState) signed; // the signing root's account
    String body;
    if (account == state.account()) {
      body =
          StateExporter.write(
              StateExporter.exportAll(state), yaml); // the default account's root: every account
    } else {
      account.lock().readLock().lock();
      try {
        body = StateExporter.write(StateExporter.export(account), yaml);
      } finally {
        account.lock().readLock().unlock();
      }
    }
    return new HttpResponseData(
        200,
        yaml ? "application/yaml" : "application/json",
        body.getBytes(StandardCharsets.UTF_8),
        requestId);
  }

  /**
   * {@code GET /_iamlocal/denials}: every denial since start (or the last reset) as JSON, grouped
   * by principal and action ({@link DenialLog}); root-signed like the state export.
   */
  public HttpResponseData denials(HttpRequestData request) {
    String requestId = RequestIds.next();
    Object signed =
        rootAccountOrRefusal(
            request, requestId, "Only the account's root user may read IAMLocal's denials.");
    if (signed instanceof HttpResponseData refused) {
      return refused;
    }
    return HttpResponseData.json(200, DenialLog.of((AccountState) signed).json(), requestId);
  }

  /**
   * The account whose root access key signed the request (in the partition of its region), else the
   * AWS error to answer.
   */
  private Object rootAccountOrRefusal(
      HttpRequestData request, String requestId, String deniedMessage) {
    VerificationResult result =
        verifier.verify(
            new SignableRequest(
                request.method(),
                request.rawPath(),
                request.rawQuery(),
                request.headers(),
                request.body()));
    if (result instanceof SigV4Failure failure) {
      return error(SignatureErrors.code(failure), failure.message(), requestId);
    }
    Verified verified = (Verified) result;
    if (!(verified.credential().principal() instanceof AccessKey key) || key.owner() != null) {
      return error(AwsErrorCode.ACCESS_DENIED, deniedMessage, requestId);
    }
    AccountState account = state.accountOf(key.accessKeyId(), key, verified.scope().region());
    return account != null ? account : error(AwsErrorCode.ACCESS_DENIED, deniedMessage, requestId);
  }

  private static HttpResponseData error(AwsErrorCode code, String message, String requestId) {
    return HttpResponseData.xml(
        code.httpStatus(),
        ErrorRenderer.render(ErrorRenderer.IAM_NAMESPACE, code, message, requestId),
        requestId);
  }
}
