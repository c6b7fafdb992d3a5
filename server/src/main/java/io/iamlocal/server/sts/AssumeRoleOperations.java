package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.arnCheckedFirst;
import static io.iamlocal.server.dispatch.OperationSpec.reachesAccountOf;
import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.sessions;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.authz.DenialLog;
import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.server.authz.RequestContexts;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.SessionAccess;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * STS AssumeRole: temporary credentials for a role, for an IAM user or another role session (role
 * chaining). The role's trust policy and the caller's own policies decide, evaluated by the policy
 * engine with the request context AWS builds (sts:ExternalId, sts:RoleSessionName,
 * sts:SourceIdentity, aws:RequestTag/*, aws:TagKeys, aws:PrincipalTag/*, MFA…). Passing Tags also
 * needs sts:TagSession, and SourceIdentity sts:SetSourceIdentity, from both sides.
 */
public final class AssumeRoleOperations implements Operations {
  static final String ROOT_REFUSED = "Roles may not be assumed by root accounts.";

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "sts",
        "AssumeRole",
        this::assumeRole,
        sessions(SessionAccess.ROLE_OR_SESSION_TOKEN),
        arnCheckedFirst("RoleArn"),
        resource(
            ResourceForm.UNCHECKED,
            "its handler authorizes the call against the role's trust policy"),
        reachesAccountOf("RoleArn"));
  }

  private Map<String, ?> assumeRole(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    Caller caller = call.caller();
    String roleArn = p.string("RoleArn");
    Session callerSession = caller.session();
    boolean enforce = call.enforcement().evaluates();
    if (caller.isRoot() && enforce) {
      throw AwsServiceException.accessDenied(ROOT_REFUSED);
    }
    AccountState roleAccount = StsRoles.accountOf(account, roleArn);
    Role role = roleAccount == null ? null : StsRoles.find(roleAccount, roleArn);
    if (role == null) {
      throw denied(caller, "sts:AssumeRole", roleArn);
    }
    SessionPolicies.Requested policies = SessionPolicies.read(p, call.account());
    SessionTags.Requested tags = SessionTags.read(p, callerSession);
    String sourceIdentity = sourceIdentity(p, callerSession, caller, roleArn);
    Mfa.Result mfa = Mfa.verify(call, p.string("SerialNumber"), p.string("TokenCode"));
    boolean mfaPresent = mfa.verified() || (callerSession != null && callerSession.mfaPresent());
    Instant mfaTime =
        mfa.verified() ? call.now() : callerSession == null ? null : callerSession.mfaAuthTime();

    if (enforce) {
      Map<String, List<String>> keys = RequestContexts.of(call);
      if (mfa.verified()) {
        RequestContexts.put(keys, "aws:MultiFactorAuthPresent", "true");
        RequestContexts.put(keys, "aws:MultiFactorAuthAge", "0");
      }
      RequestContexts.put(keys, "aws:ResourceAccount", roleAccount.accountId());
      RequestContexts.put(keys, "sts:ExternalId", p.string("ExternalId"));
      RequestContexts.put(keys, "sts:RoleSessionName", p.string("RoleSessionName"));
      RequestContexts.put(keys, "sts:SourceIdentity", p.string("SourceIdentity"));
      RequestContexts.requestTags(keys, tags.requested());
      if (!tags.transitive().isEmpty()) {
        keys.put("sts:TransitiveTagKeys", p.strings("TransitiveTagKeys"));
      }
      authorize(call, role, roleAccount, "sts:AssumeRole", keys);
      if (!tags.requested().isEmpty() || tags.all().size() > tags.requested().size()) {
        authorize(call, role, roleAccount, "sts:TagSession", keys);
      }
      if (p.string("SourceIdentity") != null) {
        authorize(call, role, roleAccount, "sts:SetSourceIdentity", keys);
      }
    }
    boolean chained = caller.kind() == Caller.Kind.ASSUMED_ROLE;
    int seconds = StsRoles.duration(p, role, chained);
    Integer packed =
        policies.any() || !tags.all().isEmpty()
            ? SessionPolicies.packedSize(policies, tags.all())
            : null;

    // The session belongs to the role's account: its credentials sign as that account.
    Session session =
        SessionIssuer.issue(
            roleAccount,
            Session.builder(
                    Session.Kind.ASSUMED_ROLE, roleAccount.partition(), roleAccount.accountId())
                .role(role, p.string("RoleSessionName"))
                .sessionPolicies(policies.policy(), policies.policyArns())
                .tags(tags.all(), tags.transitive())
                .sourceIdentity(sourceIdentity)
                .mfa(mfaPresent, mfaTime)
                .roleChained(chained),
            call.now(),
            seconds);
    return new Struct()
        .with("Credentials", SessionIssuer.credentials(session))
        .with("AssumedRoleUser", SessionIssuer.assumedRoleUser(session))
        .with("PackedPolicySize", packed)
        .with("SourceIdentity", sourceIdentity);
  }

  /** A source identity, once set, stays with the role chain and cannot be changed. */
  private static String sourceIdentity(
      Params p, Session callerSession, Caller caller, String roleArn) {
    String requested = p.string("SourceIdentity");
    String inherited = callerSession == null ? null : callerSession.sourceIdentity();
    if (inherited != null && requested != null && !inherited.equals(requested)) {
      throw denied(caller, "sts:SetSourceIdentity", roleArn);
    }
    return inherited != null ? inherited : requested;
  }

  private static void authorize(
      OperationCall call,
      Role role,
      AccountState roleAccount,
      String action,
      Map<String, List<String>> keys) {
    EvaluationResult result =
        StsRoles.evaluateCaller(
            call.caller(), call.account(), role, roleAccount, action, keys, call.enforcement());
    if (!result.allowed()) {
      CompiledPolicy trust = StsRoles.trustPolicy(role);
      DenialLog.record(
          call.account(),
          call.requestId(),
          call.caller(),
          new RequestContext(
              action, role.arn(), call.caller().arn(), call.caller().accountId(), keys),
          result,
          trust == null ? List.of() : List.of(trust),
          call.enforcement(),
          call.settings().denialLogSize());
      if (call.enforcement() == EnforcementMode.SOFT) {
        return; // soft enforcement: logged, let through
      }
      throw denied(call.caller(), action, role.arn());
    }
  }

  /** AssumeRole's AccessDenied names no policy type (real traces, 2014 to 2025). */
  static AwsServiceException denied(Caller caller, String action, String roleArn) {
    return AwsServiceException.accessDenied(
        "User: "
            + caller.arn()
            + " is not authorized to perform: "
            + action
            + " on resource: "
            + roleArn);
  }
}
