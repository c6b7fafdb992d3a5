package io.iamlocal.server.authz;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyAttachments;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.PrincipalEntity;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policies that decide what a caller may do, read from the account at request time: identity
 * policies (a user's inline and attached policies and those of its groups; a role's for its
 * sessions; the user's for a federated user), the permissions boundary, and session policies. A
 * role or user deleted (or re-created) since the session was issued contributes nothing.
 *
 * @param identity identity-based policies
 * @param boundary the permissions boundary, or null when none is set
 * @param session session policies; empty when the session was given none
 */
public record PrincipalPolicies(
    List<CompiledPolicy> identity, CompiledPolicy boundary, List<CompiledPolicy> session) {

  /** Reads the policies of {@code caller}; call under the account lock. */
  public static PrincipalPolicies of(Caller caller, AccountState account) {
    PolicyCache cache = PolicyCache.shared();
    Session session = caller.session();
    Object principal =
        switch (caller.kind()) {
          case USER -> caller.user();
          case FEDERATED_USER -> session.user();
          case ASSUMED_ROLE -> caller.role();
          default -> null;
        };
    Resolved resolved;
    if (caller.kind() == Caller.Kind.FEDERATED_USER && principal == null) {
      // The root user's federated users: root may do anything, so the session policies decide.
      resolved =
          new Resolved(
              List.of(cache.get(PolicyCache.EVERYTHING, "root", PolicySourceType.NONE)), null);
    } else if (principal == null) {
      resolved = Resolved.NONE; // root needs no identity policy; anonymous callers have none
    } else {
      // Same principal, no write since: the same policies (writes all hold the account's write
      // lock).
      long generation = account.writeGeneration();
      PrincipalEntity entity = (PrincipalEntity) principal;
      Object kept = entity.derivedPolicies();
      if (kept instanceof Derived derived
          && derived.account() == account
          && derived.generation() == generation) {
        resolved = derived.resolved();
      } else {
        resolved = resolve(principal, account, cache);
        entity.keepDerivedPolicies(new Derived(account, generation, resolved));
      }
    }
    return new PrincipalPolicies(
        resolved.identity(), resolved.boundary(), sessionPolicies(session, account, cache));
  }

  /** A user's or role's identity policies and boundary, read from the account. */
  private static Resolved resolve(Object principal, AccountState account, PolicyCache cache) {
    List<CompiledPolicy> identity = new ArrayList<>();
    String boundaryArn = null;
    if (principal instanceof User user) {
      if (account.users().get(user.userName()) == user) {
        add(identity, user.policies(), PolicySourceType.USER, account, cache);
        for (Group group : user.groups()) {
          add(identity, group.policies(), PolicySourceType.GROUP, account, cache);
        }
        boundaryArn = user.permissionsBoundaryArn();
      }
    } else if (principal instanceof Role role) {
      if (account.roles().get(role.roleName()) == role) {
        add(identity, role.policies(), PolicySourceType.ROLE, account, cache);
        boundaryArn = role.permissionsBoundaryArn();
      }
    }
    CompiledPolicy boundary = null;
    if (boundaryArn != null) {
      boundary = managed(account, boundaryArn, PolicySourceType.PERMISSIONS_BOUNDARY, cache);
      if (boundary == null) {
        boundary =
            cache.get(PolicyCache.NOTHING, boundaryArn, PolicySourceType.PERMISSIONS_BOUNDARY);
      }
    }
    return new Resolved(List.copyOf(identity), boundary);
  }

  private record Resolved(List<CompiledPolicy> identity, CompiledPolicy boundary) {
    static final Resolved NONE = new Resolved(List.of(), null);
  }

  /**
   * A principal's resolved policies, kept by the principal ({@link
   * PrincipalEntity#derivedPolicies}) for one write generation of one account: a write anywhere
   * (attach, detach, put, group membership, new default version, boundary, delete…) makes it stale.
   */
  private record Derived(AccountState account, long generation, Resolved resolved) {}

  /**
   * The session's inline and managed session policies; an unreadable one still restricts (to
   * nothing).
   */
  static List<CompiledPolicy> sessionPolicies(
      Session session, AccountState account, PolicyCache cache) {
    if (session == null || !session.hasSessionPolicies()) {
      return List.of();
    }
    List<CompiledPolicy> out = new ArrayList<>();
    if (session.sessionPolicy() != null) {
      CompiledPolicy inline =
          cache.get(session.sessionPolicy(), "session policy", PolicySourceType.SESSION);
      out.add(
          inline != null
              ? inline
              : cache.get(PolicyCache.NOTHING, "session policy", PolicySourceType.SESSION));
    }
    for (String arn : session.policyArns()) {
      CompiledPolicy managed = managed(account, arn, PolicySourceType.SESSION, cache);
      out.add(
          managed != null
              ? managed
              : cache.get(PolicyCache.NOTHING, arn, PolicySourceType.SESSION));
    }
    return out;
  }

  private static void add(
      List<CompiledPolicy> out,
      PolicyAttachments attachments,
      PolicySourceType inlineType,
      AccountState account,
      PolicyCache cache) {
    for (Map.Entry<String, String> inline : attachments.inline().entrySet()) {
      CompiledPolicy p = cache.get(inline.getValue(), inline.getKey(), inlineType);
      if (p != null) {
        out.add(p);
      }
    }
    for (ManagedPolicy policy : attachments.attached().values()) {
      ManagedPolicy.PolicyVersion version = policy.defaultVersion();
      if (version != null) {
        CompiledPolicy p =
            cache.get(
                version.document(),
                policy.arn(),
                policy.isAwsManaged()
                    ? PolicySourceType.AWS_MANAGED
                    : PolicySourceType.USER_MANAGED);
        if (p != null) {
          out.add(p);
        }
      }
    }
  }

  private static CompiledPolicy managed(
      AccountState account, String arn, PolicySourceType type, PolicyCache cache) {
    ManagedPolicy policy = PolicyStore.of(account).find(arn);
    ManagedPolicy.PolicyVersion version = policy == null ? null : policy.defaultVersion();
    return version == null ? null : cache.get(version.document(), arn, type);
  }
}
