package io.iamlocal.server.authz;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policies that decide what a caller may do, read from the account at request time: identity
 * policies (a user's inline and attached policies and those of its groups; a role's for its
 * sessions; the user's for a federated user), the permissions boundary, and session policies.
 * A role or user deleted (or re-created) since the session was issued contributes nothing.
 *
 * @param identity identity-based policies
 * @param boundary the permissions boundary, or null when none is set
 * @param session session policies; empty when the session was given none
 */
public record PrincipalPolicies(List<CompiledPolicy> identity, CompiledPolicy boundary, List<CompiledPolicy> session) {

  /** Reads the policies of {@code caller}; call under the account lock. */
  public static PrincipalPolicies of(Caller caller, AccountState account) {
    PolicyCache cache = PolicyCache.shared();
    List<CompiledPolicy> identity = new ArrayList<>();
    String boundaryArn = null;
    Session session = caller.session();
    switch (caller.kind()) {
      case FEDERATED_USER, USER -> {
        if (caller.kind() == Caller.Kind.FEDERATED_USER && session.user() == null) {
          // The root user's federated users: root may do anything, so the session policies decide.
          identity.add(cache.get(PolicyCache.EVERYTHING, "root", PolicySourceType.NONE));
          break;
        }
        User user = caller.kind() == Caller.Kind.USER ? caller.user() : session.user();
        if (user != null && account.users().get(user.userName()) == user) {
          add(identity, user.policies(), PolicySourceType.USER, account, cache);
          for (Group group : user.groups()) {
            add(identity, group.policies(), PolicySourceType.GROUP, account, cache);
          }
          boundaryArn = user.permissionsBoundaryArn();
        }
      }
      case ASSUMED_ROLE -> {
        Role role = caller.role();
        if (role != null && account.roles().get(role.roleName()) == role) {
          add(identity, role.policies(), PolicySourceType.ROLE, account, cache);
          boundaryArn = role.permissionsBoundaryArn();
        }
      }
      default -> {
        // Root needs no identity policy; anonymous callers have none.
      }
    }
    CompiledPolicy boundary = null;
    if (boundaryArn != null) {
      boundary = managed(account, boundaryArn, PolicySourceType.PERMISSIONS_BOUNDARY, cache);
      if (boundary == null) {
        boundary = cache.get(PolicyCache.NOTHING, boundaryArn, PolicySourceType.PERMISSIONS_BOUNDARY);
      }
    }
    return new PrincipalPolicies(identity, boundary, sessionPolicies(session, account, cache));
  }

  /** The session's inline and managed session policies; an unreadable one still restricts (to nothing). */
  static List<CompiledPolicy> sessionPolicies(Session session, AccountState account, PolicyCache cache) {
    if (session == null || !session.hasSessionPolicies()) {
      return List.of();
    }
    List<CompiledPolicy> out = new ArrayList<>();
    if (session.sessionPolicy() != null) {
      CompiledPolicy inline = cache.get(session.sessionPolicy(), "session policy", PolicySourceType.SESSION);
      out.add(inline != null ? inline : cache.get(PolicyCache.NOTHING, "session policy", PolicySourceType.SESSION));
    }
    for (String arn : session.policyArns()) {
      CompiledPolicy managed = managed(account, arn, PolicySourceType.SESSION, cache);
      out.add(managed != null ? managed : cache.get(PolicyCache.NOTHING, arn, PolicySourceType.SESSION));
    }
    return out;
  }

  private static void add(List<CompiledPolicy> out, PolicyAttachments attachments, PolicySourceType inlineType,
      AccountState account, PolicyCache cache) {
    for (Map.Entry<String, String> inline : attachments.inline().entrySet()) {
      CompiledPolicy p = cache.get(inline.getValue(), inline.getKey(), inlineType);
      if (p != null) {
        out.add(p);
      }
    }
    for (ManagedPolicy policy : attachments.attached().values()) {
      ManagedPolicy.PolicyVersion version = policy.defaultVersion();
      if (version != null) {
        CompiledPolicy p = cache.get(version.document(), policy.arn(),
            policy.isAwsManaged() ? PolicySourceType.AWS_MANAGED : PolicySourceType.USER_MANAGED);
        if (p != null) {
          out.add(p);
        }
      }
    }
  }

  private static CompiledPolicy managed(AccountState account, String arn, PolicySourceType type, PolicyCache cache) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    ManagedPolicy.PolicyVersion version = policy == null ? null : policy.defaultVersion();
    return version == null ? null : cache.get(version.document(), arn, type);
  }
}
