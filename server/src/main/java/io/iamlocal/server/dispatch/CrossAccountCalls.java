package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;

/**
 * Calls whose handler reaches another account than the caller's, named by an ARN member of the
 * input ({@link OperationSpec#accountMember()}: AssumeRole's role, in whose account the session is
 * issued too). The dispatcher locks both accounts, always in the same order (partition, then
 * account ID), so two such calls in opposite directions cannot deadlock; every other call locks one
 * account only. (SimulatePrincipalPolicy refuses another account's principal, as AWS does.)
 */
final class CrossAccountCalls {

  private CrossAccountCalls() {}

  /** The other existing account the call reaches in the caller's partition, or null. */
  static AccountState reached(OperationSpec spec, Params input, AccountState account) {
    if (spec.accountMember() == null) {
      return null;
    }
    String other = IamLocalState.accountIn(input.string(spec.accountMember()));
    if (other == null || other.equals(account.accountId())) {
      return null;
    }
    return account.directory().find(account.partition(), other);
  }
}
