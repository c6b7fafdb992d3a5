package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.state.AccountSettings;
import java.util.Map;

/**
 * SetSecurityTokenServicePreferences: stores the global endpoint token version, which
 * GetAccountSummary reports as {@code GlobalEndpointTokenVersion} (1 or 2) via {@link
 * AccountSettings#globalEndpointTokenVersionNumber()}.
 */
public final class SecurityTokenServicePreferencesOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "SetSecurityTokenServicePreferences", this::setPreferences);
  }

  private Map<String, ?> setPreferences(OperationCall call) {
    AccountSettings.of(call.account())
        .setGlobalEndpointTokenVersion(call.params().string("GlobalEndpointTokenVersion"));
    return null;
  }
}
