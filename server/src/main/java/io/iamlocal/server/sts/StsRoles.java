package io.iamlocal.server.sts;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.authz.PolicyCache;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.trail.CallChecks;
import java.util.List;
import java.util.Map;

/** The role side of AssumeRole*: finding the role, its session duration rules, its trust policy. */
final class StsRoles {
  static final int DEFAULT_DURATION = 3600;

  /** Role chaining caps sessions at one hour, whatever the role allows. */
  static final int CHAINED_MAX = 3600;

  private StsRoles() {}

  /**
   * The role a RoleArn names in this account ({@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}),
   * or null.
   */
  static Role find(AccountState account, String roleArn) {
    return findIn(account, roleArn);
  }

  /**
   * The account of the role a RoleArn names: this one, or another existing account of the same
   * partition (which the dispatcher has locked with this one); null when there is none.
   */
  static AccountState accountOf(AccountState account, String roleArn) {
    String named = roleArn == null ? null : IamLocalState.accountIn(roleArn);
    if (named == null || named.equals(account.accountId())) {
      return account;
    }
    return account.directory().find(account.partition(), named);
  }

  private static Role findIn(AccountState account, String roleArn) {
    if (account == null) {
      return null;
    }
    String prefix = Arns.iamPrefix(account.partition(), account.accountId()) + "role/";
    if (roleArn == null || !roleArn.startsWith(prefix)) {
      return null;
    }
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    Role role = account.roles().get(name);
    return role != null && role.arn().equals(roleArn) ? role : null;
  }

  /** DurationSeconds checked against the role's MaxSessionDuration and the role chaining limit. */
  static int duration(Params params, Role role, boolean chained) {
    Integer requested = params.integer("DurationSeconds");
    int seconds = requested == null ? DEFAULT_DURATION : requested;
    if (chained && seconds > CHAINED_MAX) {
      throw AwsServiceException.validation(
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
    }
    if (seconds > role.maxSessionDuration()) {
      throw AwsServiceException.validation(
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    return seconds;
  }

  static CompiledPolicy trustPolicy(Role role) {
    return PolicyCache.shared()
        .get(role.assumeRolePolicyDocument(), role.arn(), PolicySourceType.RESOURCE);
  }

  /**
   * An AWS principal (user or role session) asking to act on a role: its own policies and the
   * role's trust policy, which must allow. Same account: a trust policy naming the caller's ARN
   * suffices; one naming only the account needs an identity policy allowing the action too. A role
   * of another account ({@code roleAccount}) always needs both.
   */
  static EvaluationResult evaluateCaller(
      Caller caller,
      AccountState account,
      Role role,
      AccountState roleAccount,
      String action,
      Map<String, List<String>> keys,
      EnforcementMode mode) {
    RequestContext request =
        new RequestContext(action, role.arn(), caller.arn(), caller.accountId(), keys);
    CompiledPolicy trust = trustPolicy(role);
    List<CompiledPolicy> resourcePolicies = trust == null ? List.of() : List.of(trust);
    EvaluationResult result =
        PolicyAuthorizer.evaluate(
            caller, account, request, resourcePolicies, true, roleAccount.accountId());
    if (!caller.isRoot()) {
      CallChecks.record(
          mode,
          action,
          role.arn(),
          result.allowed(),
          !PolicyAuthorizer.allowedByResourcePolicies(request, resourcePolicies),
          keys);
    }
    return result;
  }

  /** A federated principal (OIDC or SAML provider ARN): the trust policy alone decides. */
  static boolean trustAllows(
      String providerArn,
      AccountState account,
      Role role,
      String action,
      Map<String, List<String>> keys) {
    CompiledPolicy trust = trustPolicy(role);
    if (trust == null) {
      return false;
    }
    RequestContext request =
        new RequestContext(action, role.arn(), providerArn, account.accountId(), keys);
    EvaluationInput input =
        EvaluationInput.builder(request)
            .resourcePolicies(trust)
            .resourcePolicyRequired()
            .resourceAccount(account.accountId())
            .build();
    return PolicyEvaluator.decide(input) == io.iamlocal.policy.evaluation.Decision.ALLOWED;
  }
}
