package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.time.Instant;

/**
 * Everything a handler gets: the validated input, the caller, the account, request facts, and the
 * server settings the call was decided under ({@link CallSettings}). Settings travel with the call,
 * never in account state, so a journalled call replays exactly as it ran live.
 */
public record OperationCall(
    String operation,
    Params params,
    Caller caller,
    AccountState account,
    String requestId,
    String region,
    RequestFacts facts,
    CallSettings settings) {

  /**
   * A call under the default settings (the console's simulations and seed files, which run as
   * root).
   */
  public OperationCall(
      String operation,
      Params params,
      Caller caller,
      AccountState account,
      String requestId,
      String region,
      RequestFacts facts) {
    this(operation, params, caller, account, requestId, region, facts, CallSettings.DEFAULTS);
  }

  /** The enforcement mode the call runs under. */
  public EnforcementMode enforcement() {
    return settings.enforcement();
  }

  public Instant now() {
    return account.now();
  }

  /** Connection and signing facts that condition keys and STS need. */
  public record RequestFacts(String sourceIp, boolean secureTransport, String userAgent) {}
}
