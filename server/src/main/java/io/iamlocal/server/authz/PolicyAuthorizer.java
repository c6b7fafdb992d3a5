package io.iamlocal.server.authz;

import io.iamlocal.policy.evaluation.AccessDeniedMessages;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.DenyReason;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.LazyContextKeys;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.Authorizer;
import io.iamlocal.server.dispatch.CallSettings;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.iam.TagParams;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PasswordPolicy;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.ServerCertificate;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import io.iamlocal.server.trail.CallChecks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Enforces IAM policies on every IAM and STS call, as AWS does: the action {@code iam:Operation} or
 * {@code sts:Operation}, the resource from {@link ActionResources}, the request context from {@link
 * RequestContexts}, and the caller's identity policies, permissions boundary and session policies
 * from {@link PrincipalPolicies}, decided by the policy engine. The root user is never refused;
 * GetCallerIdentity and GetSessionToken need no permission; AssumeRole* are authorized by their
 * handlers together with the role's trust policy ({@link #evaluate}).
 *
 * <p>In soft mode ({@code --enforce soft}) every call is evaluated and each denial logged and
 * recorded ({@link DenialLog}), but the call goes through. With enforcement off ({@code --enforce
 * off}, alias {@code --no-enforce}) every call is allowed and trust policies are not evaluated,
 * like moto and LocalStack's default.
 */
public final class PolicyAuthorizer implements Authorizer {
  private final EnforcementMode mode;
  private final int denialLogSize;
  private final CallSettings settings;

  public PolicyAuthorizer(boolean enforce) {
    this(enforce ? EnforcementMode.STRICT : EnforcementMode.OFF);
  }

  /**
   * An authorizer in {@code mode}: strict refuses denials, soft logs them and lets the call
   * through.
   */
  public PolicyAuthorizer(EnforcementMode mode) {
    this(mode, CallSettings.DEFAULT_DENIAL_LOG_SIZE);
  }

  /** As above, keeping the {@code denialLogSize} most recent denials ({@link DenialLog}). */
  public PolicyAuthorizer(EnforcementMode mode, int denialLogSize) {
    this.mode = mode;
    this.denialLogSize = denialLogSize;
    this.settings = new CallSettings(mode, denialLogSize);
  }

  /** Whether policies are evaluated (strict or soft). */
  public boolean enforcing() {
    return mode.evaluates();
  }

  public EnforcementMode mode() {
    return mode;
  }

  @Override
  public CallSettings settings() {
    return settings;
  }

  @Override
  public void authorize(OperationSpec spec, OperationCall call) {
    if (!mode.evaluates()) {
      return;
    }
    Caller caller = call.caller();
    if (caller.kind() == Caller.Kind.ANONYMOUS) {
      return; // only the unsigned STS operations get this far without a signature
    }
    restrictTemporaryCredentials(call, spec);
    if (caller.isRoot()
        || (caller.isTemporary()
            && spec.sessions() == OperationSpec.SessionAccess.HANDLER_DECIDES)) {
      return; // root may do anything; session credentials are refused by those handlers before any
      // policy matters
    }
    // Every spec has a resource: registration refuses one without (OperationRegistry).
    OperationSpec.Resource entry = spec.resource();
    if (entry.unchecked()) {
      return;
    }
    ActionResources.Target target =
        ActionResources.resolve(entry, call.params(), caller, call.account());
    // Built on the first lookup only: most checks meet no condition or policy variable that reads a
    // key.
    LazyContextKeys keys =
        LazyContextKeys.deferred(
            new RequestKeys(
                call.caller(),
                call.account(),
                call.region(),
                call.facts(),
                call.params(),
                spec.conditionKeys(),
                target.entity()));
    check(call, spec.action(), target.resource(), keys, spec.passwordPolicyGrants());
    List<Tags.Tag> tags = call.params().carries("Tags") ? TagParams.read(call.params()) : List.of();
    if (entry.tagAction() != null && !tags.isEmpty()) {
      check(call, entry.tagAction(), target.resource(), keys, false);
    }
  }

  /** Refuses {@code action} on {@code resource} unless the caller's policies allow it. */
  private void check(
      OperationCall call,
      String action,
      String resource,
      Map<String, List<String>> keys,
      boolean passwordPolicyGrants) {
    Caller caller = call.caller();
    RequestContext request =
        new RequestContext(action, resource, caller.arn(), caller.accountId(), keys);
    PrincipalPolicies policies = PrincipalPolicies.of(caller, call.account());
    EvaluationInput input =
        EvaluationInput.builder(request)
            .identityPolicies(policies.identity())
            .permissionsBoundary(policies.boundary())
            .sessionPolicies(policies.session())
            .resourceAccount(call.account().accountId())
            .build();
    if (PolicyEvaluator.decide(input) == Decision.ALLOWED) {
      CallChecks.record(mode, action, resource, true, true, keys);
      return;
    }
    EvaluationResult result = PolicyEvaluator.evaluate(input);
    if (result.allowed() || (passwordPolicyGrants && grantedByPasswordPolicy(call, result))) {
      CallChecks.record(mode, action, resource, true, result.allowed(), keys);
      return;
    }
    if (keys instanceof LazyContextKeys lazy) {
      lazy.materialize(); // the denial record lists every key; build them now, under the account
      // lock
    }
    CallChecks.record(mode, action, resource, false, true, keys);
    DenialLog.record(
        call.account(), call.requestId(), caller, request, result, List.of(), mode, denialLogSize);
    if (mode == EnforcementMode.SOFT) {
      return;
    }
    String message =
        action.startsWith("sts:")
            // STS's own denials name no policy type (real AssumeRole/GetFederationToken traces).
            ? "User: "
                + caller.arn()
                + " is not authorized to perform: "
                + action
                + " on resource: "
                + resource
            : AccessDeniedMessages.format(caller.arn(), action, resource, result);
    throw AwsServiceException.accessDenied(message);
  }

  /**
   * The account password policy's "allow users to change their own password" grants every IAM user
   * iam:ChangePassword on itself and iam:GetAccountPasswordPolicy, unless a policy denies them.
   */
  private static boolean grantedByPasswordPolicy(OperationCall call, EvaluationResult result) {
    if (result.decision() != Decision.IMPLICIT_DENY
        || result.denyReason() != DenyReason.IDENTITY_POLICY
        || call.caller().kind() != Caller.Kind.USER) {
      return false;
    }
    PasswordPolicy policy = AccountSettings.of(call.account()).passwordPolicy();
    return policy == null || policy.allowUsersToChangePassword();
  }

  /**
   * What temporary credentials cannot do whatever the policies say, as the operation's spec ({@link
   * OperationSpec#sessions()}) states it. (AWS documents the restrictions; the error codes for them
   * are not published: IAM refuses such tokens as invalid here, STS with AccessDenied.)
   */
  private static void restrictTemporaryCredentials(OperationCall call, OperationSpec spec) {
    Caller caller = call.caller();
    Session session = caller.session();
    if (session == null
        || session.kind() == Session.Kind.ASSUMED_ROLE
        || spec.sessions() == OperationSpec.SessionAccess.HANDLER_DECIDES) {
      return;
    }
    boolean sessionToken = session.kind() == Session.Kind.SESSION_TOKEN;
    switch (spec.sessions()) {
      case ROLE_OR_MFA_SESSION_TOKEN -> {
        if (!(sessionToken && session.mfaPresent())) {
          throw new AwsServiceException(
              AwsErrorCode.INVALID_CLIENT_TOKEN_ID,
              "The security token included in the request is invalid.");
        }
      }
      case ROLE -> refuseSession(call, spec);
      case ROLE_OR_SESSION_TOKEN -> {
        if (!sessionToken) {
          refuseSession(call, spec);
        }
      }
      default -> {} // ANY
    }
  }

  private static void refuseSession(OperationCall call, OperationSpec spec) {
    String action = spec.action();
    String resource =
        ActionResources.resolve(spec.resource(), call.params(), call.caller(), call.account())
            .resource();
    throw AwsServiceException.accessDenied(
        "User: "
            + call.caller().arn()
            + " is not authorized to perform: "
            + action
            + " on resource: "
            + resource);
  }

  /**
   * The recipe of a call's context keys: only what building them reads, not the call itself, which
   * a trail event keeping the recipe would otherwise keep alive with its whole request. Builds what
   * {@link RequestContexts#of(OperationCall)} and {@link #addRequestKeys} build from the call.
   */
  private record RequestKeys(
      Caller caller,
      AccountState account,
      String region,
      OperationCall.RequestFacts facts,
      Params params,
      Set<String> actionKeys,
      Object entity)
      implements Supplier<Map<String, List<String>>> {
    @Override
    public Map<String, List<String>> get() {
      Map<String, List<String>> built = RequestContexts.of(caller, account, region, facts);
      addRequestKeys(built, params, actionKeys, entity);
      return built;
    }
  }

  /**
   * Condition keys of the request: tags, the boundary and policy being attached, the target's tags;
   * {@code actionKeys} are the action-specific keys its spec says the call supplies.
   */
  private static void addRequestKeys(
      Map<String, List<String>> keys, Params params, Set<String> actionKeys, Object entity) {
    if (params.carries("Tags")) {
      RequestContexts.requestTags(keys, TagParams.read(params));
    }
    if (params.carries("TagKeys")) {
      keys.put("aws:TagKeys", params.strings("TagKeys"));
    }
    if (params.carries("PolicyArn") && actionKeys.contains("iam:PolicyARN")) {
      RequestContexts.put(keys, "iam:PolicyARN", params.string("PolicyArn"));
    }
    if (params.carries("PermissionsBoundary")) {
      RequestContexts.put(keys, "iam:PermissionsBoundary", params.string("PermissionsBoundary"));
    } else if (actionKeys.contains("iam:PermissionsBoundary")) {
      RequestContexts.put(keys, "iam:PermissionsBoundary", boundaryOf(entity));
    }
    if (actionKeys.contains("sts:IdentityTokenAudience")) {
      keys.put("sts:IdentityTokenAudience", params.strings("Audience"));
    }
    if (actionKeys.contains("sts:DurationSeconds")) {
      RequestContexts.put(
          keys, "sts:DurationSeconds", Integer.toString(params.integer("DurationSeconds", 300)));
    }
    if (actionKeys.contains("sts:SigningAlgorithm")) {
      RequestContexts.put(keys, "sts:SigningAlgorithm", params.string("SigningAlgorithm"));
    }
    if (params.carries("AWSServiceName")) {
      RequestContexts.put(keys, "iam:AWSServiceName", params.string("AWSServiceName"));
    }
    RequestContexts.resourceTags(keys, tagsOf(entity));
  }

  private static String boundaryOf(Object entity) {
    if (entity instanceof User u) {
      return u.permissionsBoundaryArn();
    }
    return entity instanceof Role r ? r.permissionsBoundaryArn() : null;
  }

  private static Tags tagsOf(Object entity) {
    if (entity instanceof User u) {
      return u.tags();
    }
    if (entity instanceof Role r) {
      return r.tags();
    }
    if (entity instanceof ManagedPolicy p) {
      return p.tags();
    }
    if (entity instanceof InstanceProfile p) {
      return p.tags();
    }
    if (entity instanceof ServerCertificate c) {
      return c.tags();
    }
    return null;
  }

  /**
   * Decides an action of another service (S3) by the caller's policies: true when allowed (always
   * with enforcement off); a denial is recorded as an encoded authorization message.
   */
  public boolean allows(
      Caller caller,
      AccountState account,
      String requestId,
      String action,
      String resource,
      Map<String, List<String>> keys) {
    return allows(caller, account, requestId, action, resource, keys, List.of());
  }

  /**
   * As {@link #allows(Caller, AccountState, String, String, String, Map)}, together with the
   * resource's resource-based policies (a bucket policy). The root user is refused only by an
   * explicit deny in them, as S3 does; in soft mode a denial is logged and true returned.
   */
  public boolean allows(
      Caller caller,
      AccountState account,
      String requestId,
      String action,
      String resource,
      Map<String, List<String>> keys,
      List<CompiledPolicy> resourcePolicies) {
    return allows(
        caller, account, requestId, action, resource, keys, resourcePolicies, account.accountId());
  }

  /**
   * As above for a resource of {@code resourceAccount} ({@code account} is the caller's): a
   * resource of another account needs its resource policy to allow too, the root user's requests
   * included.
   */
  public boolean allows(
      Caller caller,
      AccountState account,
      String requestId,
      String action,
      String resource,
      Map<String, List<String>> keys,
      List<CompiledPolicy> resourcePolicies,
      String resourceAccount) {
    if (!mode.evaluates()) {
      return true;
    }
    RequestContext request =
        new RequestContext(action, resource, caller.arn(), caller.accountId(), keys);
    EvaluationResult result;
    boolean sameAccount = resourceAccount.equals(caller.accountId());
    if (caller.isRoot()) {
      Decision alone =
          resourcePolicies.isEmpty()
              ? Decision.IMPLICIT_DENY
              : PolicyEvaluator.decideAlone(request, resourcePolicies, true);
      if (sameAccount ? alone != Decision.EXPLICIT_DENY : alone == Decision.ALLOWED) {
        return true;
      }
      result =
          PolicyEvaluator.evaluate(
              EvaluationInput.builder(request)
                  .resourcePolicies(resourcePolicies)
                  .resourceAccount(resourceAccount)
                  .build());
    } else {
      result = evaluate(caller, account, request, resourcePolicies, false, resourceAccount);
    }
    if (result.allowed()) {
      if (!caller.isRoot()) {
        CallChecks.record(
            mode,
            action,
            resource,
            true,
            !allowedByResourcePolicies(request, resourcePolicies),
            keys);
      }
      return true;
    }
    if (!caller.isRoot()) {
      CallChecks.record(mode, action, resource, false, true, keys);
    }
    DenialLog.record(
        account, requestId, caller, request, result, resourcePolicies, mode, denialLogSize);
    return mode == EnforcementMode.SOFT;
  }

  /**
   * Whether resource-based policies (a bucket policy, a trust policy naming the caller) allow on
   * their own.
   */
  public static boolean allowedByResourcePolicies(
      RequestContext request, List<CompiledPolicy> resourcePolicies) {
    return !resourcePolicies.isEmpty()
        && PolicyEvaluator.decideAlone(request, resourcePolicies, true) == Decision.ALLOWED;
  }

  /**
   * Evaluates a request against the caller's policies plus resource-based policies (a role's trust
   * policy, which must allow when {@code resourcePolicyRequired}); for the STS handlers.
   */
  public static EvaluationResult evaluate(
      Caller caller,
      AccountState account,
      RequestContext request,
      List<CompiledPolicy> resourcePolicies,
      boolean resourcePolicyRequired) {
    return evaluate(
        caller, account, request, resourcePolicies, resourcePolicyRequired, account.accountId());
  }

  /**
   * As above for a resource of {@code resourceAccount}: when that is not the caller's account, the
   * request is cross-account and needs an allow from both the caller's policies and the resource's.
   */
  public static EvaluationResult evaluate(
      Caller caller,
      AccountState account,
      RequestContext request,
      List<CompiledPolicy> resourcePolicies,
      boolean resourcePolicyRequired,
      String resourceAccount) {
    PrincipalPolicies policies = PrincipalPolicies.of(caller, account);
    EvaluationInput.Builder input =
        EvaluationInput.builder(request)
            .identityPolicies(policies.identity())
            .permissionsBoundary(policies.boundary())
            .sessionPolicies(policies.session())
            .resourcePolicies(resourcePolicies)
            .resourceAccount(resourceAccount);
    if (resourcePolicyRequired) {
      input.resourcePolicyRequired();
    }
    return PolicyEvaluator.evaluate(input.build());
  }
}
