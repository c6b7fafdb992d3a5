package io.iamlocal.server.jsonapi;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.time.Instant;

/**
 * One authenticated, decoded and authorized call of a JSON-protocol service, as its handler gets
 * it.
 */
public record JsonCall(
    String operation,
    Params params,
    Caller caller,
    AccountState account,
    String requestId,
    String region) {

  public Instant now() {
    return account.now();
  }
}
