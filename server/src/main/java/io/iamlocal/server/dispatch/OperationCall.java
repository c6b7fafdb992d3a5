package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.time.Instant;

/** Everything a handler gets: the validated input, the caller, the account and request facts. */
public record OperationCall(
    String operation, Params params, Caller caller, AccountState account, String requestId, String region, RequestFacts facts) {

  public Instant now() {
    return account.now();
  }

  /** Connection and signing facts that condition keys and STS need. */
  public record RequestFacts(String sourceIp, boolean secureTransport, String userAgent) {}
}
