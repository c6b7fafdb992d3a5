package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.sessions;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.OperationSpec.SessionAccess;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Session;
import java.util.Map;

/**
 * GetSessionToken (the caller's own identity, optionally MFA-authenticated) and GetFederationToken
 * (a federated user whose permissions are the intersection of the calling user's policies and the
 * session policies passed). Both need long-term credentials of an IAM user or the root user; root
 * sessions last at most an hour (a longer request is cut to one hour, as documented).
 */
public final class SessionTokenOperations implements Operations {
  static final int DEFAULT_DURATION = 43_200;
  static final int ROOT_MAX = 3600;

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "sts",
        "GetSessionToken",
        this::getSessionToken,
        lock(
            LockMode.READ_MINTS,
            "its session goes to the concurrent Sessions store: no need to stop other calls"),
        sessions(SessionAccess.HANDLER_DECIDES),
        resource(
            ResourceForm.UNCHECKED,
            "needs no permission (AWS: no policy can deny it); its handler refuses temporary credentials"));
    registry.register(
        "sts",
        "GetFederationToken",
        this::getFederationToken,
        lock(
            LockMode.READ_MINTS,
            "as GetSessionToken: AWS calls it Write, but it only adds a session"),
        sessions(SessionAccess.HANDLER_DECIDES),
        resource(
            ResourceForm.FEDERATED_USER,
            "Name",
            "the federated user does not exist yet: its ARN is built from Name"));
  }

  private Map<String, ?> getSessionToken(OperationCall call) {
    Caller caller = requireLongTerm(call.caller(), "GetSessionToken");
    Params p = call.params();
    Mfa.Result mfa = Mfa.verify(call, p.string("SerialNumber"), p.string("TokenCode"));
    AccountState account = call.account();
    Session session =
        SessionIssuer.issue(
            account,
            Session.builder(Session.Kind.SESSION_TOKEN, account.partition(), account.accountId())
                .user(caller.user())
                .mfa(mfa.verified(), mfa.verified() ? call.now() : null),
            call.now(),
            duration(p, caller));
    return Struct.of("Credentials", SessionIssuer.credentials(session));
  }

  private Map<String, ?> getFederationToken(OperationCall call) {
    Caller caller = requireLongTerm(call.caller(), "GetFederationToken");
    Params p = call.params();
    AccountState account = call.account();
    SessionPolicies.Requested policies = SessionPolicies.read(p, call.account());
    SessionTags.Requested tags = SessionTags.read(p, null);
    // Unlike AssumeRole, GetFederationToken answers PackedPolicySize 0 without policies or tags
    // (recorded from AWS).
    int packed =
        policies.any() || !tags.all().isEmpty()
            ? SessionPolicies.packedSize(policies, tags.all())
            : 0;
    Session session =
        SessionIssuer.issue(
            account,
            Session.builder(Session.Kind.FEDERATED_USER, account.partition(), account.accountId())
                .federatedUser(caller.user(), p.string("Name"))
                .sessionPolicies(policies.policy(), policies.policyArns())
                .tags(tags.all(), tags.transitive()),
            call.now(),
            duration(p, caller));
    return new Struct()
        .with("Credentials", SessionIssuer.credentials(session))
        .with(
            "FederatedUser",
            new Struct().with("Arn", session.stsArn()).with("FederatedUserId", session.stsUserId()))
        .with("PackedPolicySize", packed);
  }

  private static Caller requireLongTerm(Caller caller, String operation) {
    if (caller.isTemporary()) {
      throw AwsServiceException.accessDenied(
          "Cannot call " + operation + " with session credentials");
    }
    return caller;
  }

  private static int duration(Params p, Caller caller) {
    Integer requested = p.integer("DurationSeconds");
    if (caller.isRoot()) {
      return requested == null ? ROOT_MAX : Math.min(requested, ROOT_MAX);
    }
    return requested == null ? DEFAULT_DURATION : requested;
  }
}
