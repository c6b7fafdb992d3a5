package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Accounts;
import io.iamlocal.server.state.IamLocalState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * The operations whose handler reads another account than the caller's: AssumeRole (the role's
 * account, where the session is issued too), naming it in an ARN parameter. (SimulatePrincipalPolicy
 * refuses another account's principal, as AWS does: "caller's account … does not have access".) The dispatcher locks both accounts, always in the
 * same order (partition, then account ID), so two such calls in opposite directions cannot
 * deadlock; every other call locks one account only.
 */
final class CrossAccountCalls {
  private static final Map<String, String> ARN_MEMBERS = Map.of("sts:AssumeRole", "RoleArn");

  private CrossAccountCalls() {}

  /** The other existing account the call reaches in the caller's partition, or null. */
  static AccountState reached(OperationSpec spec, Params input, AccountState account) {
    String member = ARN_MEMBERS.get(spec.service() + ":" + spec.name());
    String other = member == null ? null : IamLocalState.accountIn(input.string(member));
    if (other == null || other.equals(account.accountId())) {
      return null;
    }
    return account.directory().find(account.partition(), other);
  }

  /** The locks to take, in the global order: the call's account's and, when it reaches one, the other's. */
  static List<Lock> locks(AccountState account, AccountState other, boolean shared) {
    return Accounts.locks(account, other, shared);
  }
}
