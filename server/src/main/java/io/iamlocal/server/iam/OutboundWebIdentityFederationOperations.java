package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountSettings;
import java.util.Map;

/**
 * Outbound web identity federation (the account's issuer for STS GetWebIdentityToken): enable gives
 * the account a unique issuer URL, disable removes it. STS reads {@link
 * AccountSettings#outboundIssuerIdentifier()}.
 */
public final class OutboundWebIdentityFederationOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "EnableOutboundWebIdentityFederation", this::enable);
    registry.register("iam", "DisableOutboundWebIdentityFederation", this::disable);
    registry.register("iam", "GetOutboundWebIdentityFederationInfo", this::info);
  }

  private Map<String, ?> enable(OperationCall call) {
    AccountSettings settings = AccountSettings.of(call.account());
    if (settings.outboundIssuerIdentifier() != null) {
      throw new AwsServiceException(
          AwsErrorCode.FEATURE_ENABLED,
          "Outbound web identity federation is already enabled for this account.");
    }
    settings.setOutboundIssuerIdentifier(
        "https://" + call.account().ids().uuid() + ".tokens.sts.global.api.aws");
    return Struct.of("IssuerIdentifier", settings.outboundIssuerIdentifier());
  }

  private Map<String, ?> disable(OperationCall call) {
    AccountSettings settings = AccountSettings.of(call.account());
    requireEnabled(settings);
    settings.setOutboundIssuerIdentifier(null);
    return null;
  }

  private Map<String, ?> info(OperationCall call) {
    AccountSettings settings = AccountSettings.of(call.account());
    requireEnabled(settings);
    return new Struct()
        .with("IssuerIdentifier", settings.outboundIssuerIdentifier())
        .with("JwtVendingEnabled", true);
  }

  private static void requireEnabled(AccountSettings settings) {
    if (settings.outboundIssuerIdentifier() == null) {
      throw new AwsServiceException(
          AwsErrorCode.FEATURE_DISABLED,
          "Outbound web identity federation is not enabled for this account.");
    }
  }
}
