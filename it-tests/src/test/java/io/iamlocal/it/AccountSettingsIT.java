package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.GlobalEndpointTokenVersion;
import software.amazon.awssdk.services.iam.model.IamException;

class AccountSettingsIT extends WireTest {

  @Test
  void oneAliasThatANewOneReplaces() {
    assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
    iam.createAccountAlias(r -> r.accountAlias("example-corp"));
    assertThat(iam.listAccountAliases().accountAliases()).containsExactly("example-corp");
    iam.createAccountAlias(r -> r.accountAlias("example-corp-2"));
    var page = iam.listAccountAliases();
    assertThat(page.accountAliases()).containsExactly("example-corp-2");
    assertThat(page.isTruncated()).isFalse();
    iam.deleteAccountAlias(r -> r.accountAlias("example-corp-2"));
    assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
  }

  @Test
  void aliasNamingRules() {
    for (String bad : new String[] {"Upper", "-lead", "trail-", "dou--ble", "ab"}) {
      IamException e =
          catchThrowableOfType(
              () -> iam.createAccountAlias(r -> r.accountAlias(bad)), IamException.class);
      assertThat(e.awsErrorDetails().errorCode()).as(bad).isEqualTo("ValidationError");
    }
    IamException digits =
        catchThrowableOfType(
            () -> iam.createAccountAlias(r -> r.accountAlias("123456789012")), IamException.class);
    assertThat(digits.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(iam.listAccountAliases().accountAliases()).isEmpty();
  }

  @Test
  void deletingAnAliasTheAccountDoesNotHaveIsNoSuchEntity() {
    IamException e =
        catchThrowableOfType(
            () -> iam.deleteAccountAlias(r -> r.accountAlias("nope")), IamException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
  }

  @Test
  void securityTokenServicePreferencesAreStored() {
    iam.setSecurityTokenServicePreferences(
        r -> r.globalEndpointTokenVersion(GlobalEndpointTokenVersion.V2_TOKEN));
    IamException e =
        catchThrowableOfType(
            () ->
                iam.setSecurityTokenServicePreferences(
                    r -> r.globalEndpointTokenVersion("v3Token")),
            IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
  }
}
