package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.state.AccountSettings;
import java.util.List;
import java.util.Map;

/**
 * Create/Delete/ListAccountAliases. An account has at most one alias; creating another replaces it.
 * Length and characters are model constraints; an alias of digits only is refused here because it
 * could be mistaken for an account ID in the sign-in URL.
 */
public final class AccountAliasOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "CreateAccountAlias", this::createAccountAlias);
    registry.register("iam", "DeleteAccountAlias", this::deleteAccountAlias);
    registry.register("iam", "ListAccountAliases", this::listAccountAliases);
  }

  private Map<String, ?> createAccountAlias(OperationCall call) {
    String alias = call.params().string("AccountAlias");
    if (alias.chars().allMatch(Character::isDigit)) {
      throw AwsServiceException.validation(
          "The specified value for accountAlias is invalid. It must not consist only of digits.");
    }
    AccountSettings.of(call.account()).setAccountAlias(alias);
    return null;
  }

  private Map<String, ?> deleteAccountAlias(OperationCall call) {
    String alias = call.params().string("AccountAlias");
    AccountSettings settings = AccountSettings.of(call.account());
    if (!alias.equals(settings.accountAlias())) {
      throw AwsServiceException.noSuchEntity("The account alias " + alias + " cannot be found.");
    }
    settings.setAccountAlias(null);
    return null;
  }

  private Map<String, ?> listAccountAliases(OperationCall call) {
    String alias = AccountSettings.of(call.account()).accountAlias();
    return Pagination.page(
        call, alias == null ? List.<String>of() : List.of(alias), "AccountAliases", a -> a);
  }
}
