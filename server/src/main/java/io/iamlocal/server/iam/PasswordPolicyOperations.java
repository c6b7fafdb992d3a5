package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.grantedByPasswordPolicy;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.PasswordPolicy;
import java.util.Map;

/**
 * Update/Get/DeleteAccountPasswordPolicy. Bounds (length 6–128, age 1–1095, reuse 1–24) are model
 * constraints, so the input validator reports them with AWS's ValidationError text. An update
 * replaces the whole policy: omitted members revert to their defaults
 * (API_UpdateAccountPasswordPolicy).
 */
public final class PasswordPolicyOperations implements Operations {
  /** The documented default minimum length when the request omits it. */
  static final int DEFAULT_MINIMUM_LENGTH = 6;

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "UpdateAccountPasswordPolicy", this::update);
    registry.register("iam", "GetAccountPasswordPolicy", this::get, grantedByPasswordPolicy());
    registry.register("iam", "DeleteAccountPasswordPolicy", this::delete);
  }

  private Map<String, ?> update(OperationCall call) {
    Params p = call.params();
    PasswordPolicy policy =
        new PasswordPolicy(
            p.integer("MinimumPasswordLength", DEFAULT_MINIMUM_LENGTH),
            p.bool("RequireSymbols", false),
            p.bool("RequireNumbers", false),
            p.bool("RequireUppercaseCharacters", false),
            p.bool("RequireLowercaseCharacters", false),
            p.bool("AllowUsersToChangePassword", false),
            p.integer("MaxPasswordAge"),
            p.integer("PasswordReusePrevention"),
            p.bool("HardExpiry", false));
    AccountSettings.of(call.account()).setPasswordPolicy(policy);
    return null;
  }

  private Map<String, ?> get(OperationCall call) {
    PasswordPolicy policy = require(call);
    return Struct.of(
        "PasswordPolicy",
        new Struct()
            .with("MinimumPasswordLength", policy.minimumPasswordLength())
            .with("RequireSymbols", policy.requireSymbols())
            .with("RequireNumbers", policy.requireNumbers())
            .with("RequireUppercaseCharacters", policy.requireUppercaseCharacters())
            .with("RequireLowercaseCharacters", policy.requireLowercaseCharacters())
            .with("AllowUsersToChangePassword", policy.allowUsersToChangePassword())
            .with("ExpirePasswords", policy.expirePasswords())
            .with("MaxPasswordAge", policy.maxPasswordAge())
            .with("PasswordReusePrevention", policy.passwordReusePrevention())
            // AWS leaves HardExpiry out of a policy that does not set it (recorded from AWS).
            .with("HardExpiry", policy.hardExpiry() ? Boolean.TRUE : null));
  }

  private Map<String, ?> delete(OperationCall call) {
    if (AccountSettings.of(call.account()).passwordPolicy() == null) {
      throw AwsServiceException.noSuchEntity(
          "The account policy with name PasswordPolicy cannot be found.");
    }
    AccountSettings.of(call.account()).setPasswordPolicy(null);
    return null;
  }

  private static PasswordPolicy require(OperationCall call) {
    PasswordPolicy policy = AccountSettings.of(call.account()).passwordPolicy();
    if (policy == null) {
      throw AwsServiceException.noSuchEntity(
          "The Password Policy with domain name "
              + call.account().accountId()
              + " cannot be found.");
    }
    return policy;
  }
}
