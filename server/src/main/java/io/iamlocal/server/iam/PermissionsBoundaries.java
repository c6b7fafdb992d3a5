package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Permissions boundary references on users and roles: checking, usage counting and output. */
public final class PermissionsBoundaries {
  private static final Pattern POLICY_ARN =
      Pattern.compile("arn:([a-z-]+):iam::(aws|\\d{12}):policy/.+");

  private PermissionsBoundaries() {}

  /**
   * A boundary must name, by ARN, a managed policy that exists (customer or AWS managed); AWS's
   * texts, recorded.
   */
  public static void check(AccountState account, String arn) {
    Matcher matcher = arn == null ? null : POLICY_ARN.matcher(arn);
    if (matcher == null
        || !matcher.matches()
        || !matcher.group(1).equals(account.partition().id())) {
      throw AwsServiceException.invalidInput("ARN " + arn + " is not valid.");
    }
    if (PolicyStore.of(account).find(arn) == null) {
      throw AwsServiceException.noSuchEntity(
          "Scope ARN: " + arn + " does not exist or is not attachable.");
    }
  }

  /**
   * Counts a new use of the policy as a boundary (PermissionsBoundaryUsageCount); call after {@link
   * #check}.
   */
  public static void attached(AccountState account, String arn) {
    if (arn == null) {
      return;
    }
    PolicyStore store = PolicyStore.of(account);
    ManagedPolicy policy = store.retain(store.find(arn));
    if (policy != null) {
      policy.adjustPermissionsBoundaryUsage(1);
    }
  }

  /** Counts one use fewer, when a user or role drops or replaces its boundary or is deleted. */
  public static void detached(AccountState account, String arn) {
    if (arn == null) {
      return;
    }
    PolicyStore store = PolicyStore.of(account);
    ManagedPolicy policy = store.find(arn);
    if (policy != null && policy.permissionsBoundaryUsageCount() > 0) {
      policy.adjustPermissionsBoundaryUsage(-1);
      store.releaseIfUnused(policy);
    }
  }

  /** A user's boundary, typed as the model's enum documents it. */
  public static Struct view(String arn) {
    return view(arn, "PermissionsBoundaryPolicy");
  }

  /**
   * A role's boundary: AWS types it {@code Policy} (recorded from AWS in CreateRole and GetRole),
   * not as documented.
   */
  public static Struct roleView(String arn) {
    return view(arn, "Policy");
  }

  private static Struct view(String arn, String type) {
    return arn == null
        ? null
        : new Struct().with("PermissionsBoundaryType", type).with("PermissionsBoundaryArn", arn);
  }
}
