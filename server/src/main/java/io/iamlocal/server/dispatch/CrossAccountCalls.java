package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * The operations whose handler reads another account than the caller's: AssumeRole (the role's
 * account, where the session is issued too) and SimulatePrincipalPolicy (the principal's
 * account), each naming it in an ARN parameter. The dispatcher locks both accounts, always in the
 * same order (partition, then account ID), so two such calls in opposite directions cannot
 * deadlock; every other call locks one account only.
 */
final class CrossAccountCalls {
  private static final Map<String, String> ARN_MEMBERS = Map.of(
      "sts:AssumeRole", "RoleArn",
      "iam:SimulatePrincipalPolicy", "PolicySourceArn");
  private static final Comparator<AccountState> LOCK_ORDER =
      Comparator.comparing(AccountState::partition).thenComparing(AccountState::accountId);

  private CrossAccountCalls() {}

  /** The other existing account the call reaches in the caller's partition, or null. */
  static AccountState reached(OperationSpec spec, Params input, AccountState account) {
    String member = ARN_MEMBERS.get(spec.service() + ":" + spec.name());
    String other = member == null ? null : accountIn(input.string(member));
    if (other == null || other.equals(account.accountId())) {
      return null;
    }
    return account.directory().find(account.partition(), other);
  }

  /** The account ID field of an ARN ({@code arn:PARTITION:SERVICE:REGION:ACCOUNT:…}) when it is 12 digits, else null. */
  static String accountIn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    int at = 0;
    for (int field = 0; field < 4; field++) {
      at = arn.indexOf(':', at) + 1;
      if (at == 0) {
        return null;
      }
    }
    int end = arn.indexOf(':', at);
    String id = end < 0 ? null : arn.substring(at, end);
    return IamLocalState.isAccountNumber(id) ? id : null;
  }

  /** The locks to take, in the global order: the call's account's and, when it reaches one, the other's. */
  static List<Lock> locks(AccountState account, AccountState other, boolean shared) {
    List<AccountState> accounts = new ArrayList<>(2);
    accounts.add(account);
    if (other != null) {
      accounts.add(other);
      accounts.sort(LOCK_ORDER);
    }
    List<Lock> locks = new ArrayList<>(accounts.size());
    for (AccountState a : accounts) {
      locks.add(shared ? a.lock().readLock() : a.lock().writeLock());
    }
    return locks;
  }
}
