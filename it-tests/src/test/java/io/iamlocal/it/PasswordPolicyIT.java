package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;

class PasswordPolicyIT extends WireTest {

  @Test
  void noPolicyIsNoSuchEntityWithTheAccountId() {
    IamException e = catchThrowableOfType(() -> iam.getAccountPasswordPolicy(), IamException.class);
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo("The Password Policy with domain name 123456789012 cannot be found.");
  }

  @Test
  void everyFieldRoundTrips() {
    iam.updateAccountPasswordPolicy(
        r ->
            r.minimumPasswordLength(12)
                .requireSymbols(true)
                .requireNumbers(true)
                .requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true)
                .allowUsersToChangePassword(true)
                .maxPasswordAge(90)
                .passwordReusePrevention(12)
                .hardExpiry(true));
    PasswordPolicy p = iam.getAccountPasswordPolicy().passwordPolicy();
    assertThat(p.minimumPasswordLength()).isEqualTo(12);
    assertThat(p.requireSymbols()).isTrue();
    assertThat(p.requireNumbers()).isTrue();
    assertThat(p.requireUppercaseCharacters()).isTrue();
    assertThat(p.requireLowercaseCharacters()).isTrue();
    assertThat(p.allowUsersToChangePassword()).isTrue();
    assertThat(p.expirePasswords()).isTrue();
    assertThat(p.maxPasswordAge()).isEqualTo(90);
    assertThat(p.passwordReusePrevention()).isEqualTo(12);
    assertThat(p.hardExpiry()).isTrue();
  }

  @Test
  void anUpdateResetsOmittedFieldsToTheirDefaults() {
    iam.updateAccountPasswordPolicy(
        r -> r.minimumPasswordLength(20).maxPasswordAge(30).requireSymbols(true));
    iam.updateAccountPasswordPolicy(r -> r.requireNumbers(true));
    PasswordPolicy p = iam.getAccountPasswordPolicy().passwordPolicy();
    assertThat(p.minimumPasswordLength()).isEqualTo(6);
    assertThat(p.requireSymbols()).isFalse();
    assertThat(p.requireNumbers()).isTrue();
    assertThat(p.expirePasswords()).isFalse();
    assertThat(p.maxPasswordAge()).isNull();
    assertThat(p.passwordReusePrevention()).isNull();
  }

  @Test
  void boundsAreValidationErrors() {
    IamException tooShort =
        catchThrowableOfType(
            () -> iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(5)),
            IamException.class);
    assertThat(tooShort.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
    assertThat(tooShort.awsErrorDetails().errorMessage())
        .isEqualTo(
            "1 validation error detected: Value at 'minimumPasswordLength' "
                + "failed to satisfy constraint: Member must have value greater than or equal to 6");
    IamException age =
        catchThrowableOfType(
            () -> iam.updateAccountPasswordPolicy(r -> r.maxPasswordAge(1096)), IamException.class);
    assertThat(age.awsErrorDetails().errorMessage())
        .endsWith("Member must have value less than or equal to 1095");
    IamException reuse =
        catchThrowableOfType(
            () -> iam.updateAccountPasswordPolicy(r -> r.passwordReusePrevention(25)),
            IamException.class);
    assertThat(reuse.awsErrorDetails().errorMessage())
        .endsWith("Member must have value less than or equal to 24");
    IamException length =
        catchThrowableOfType(
            () -> iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(129)),
            IamException.class);
    assertThat(length.statusCode()).isEqualTo(400);
  }

  @Test
  void passwordsAreCheckedAgainstEachRule() {
    iam.createUser(r -> r.userName("bob"));
    iam.updateAccountPasswordPolicy(
        r ->
            r.minimumPasswordLength(10)
                .requireSymbols(true)
                .requireNumbers(true)
                .requireUppercaseCharacters(true)
                .requireLowercaseCharacters(true));
    for (String bad :
        new String[] {
          "Short-1a", "no-upper-case-1", "NO-LOWER-CASE-1", "No-Numbers-Here", "NoSymbols123"
        }) {
      IamException e =
          catchThrowableOfType(
              () -> iam.createLoginProfile(r -> r.userName("bob").password(bad)),
              IamException.class);
      assertThat(e.awsErrorDetails().errorCode()).as(bad).isEqualTo("PasswordPolicyViolation");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("Password does not conform to the account password policy.");
    }
    iam.createLoginProfile(r -> r.userName("bob").password("Good-Pass-123"));
    IamException update =
        catchThrowableOfType(
            () -> iam.updateLoginProfile(r -> r.userName("bob").password("weakpass")),
            IamException.class);
    assertThat(update.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");
  }

  @Test
  void reusePreventionRefusesRecentPasswords() {
    iam.createUser(r -> r.userName("bob"));
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(8).passwordReusePrevention(2));
    iam.createLoginProfile(r -> r.userName("bob").password("First-Pass-1"));
    iam.updateLoginProfile(r -> r.userName("bob").password("Second-Pass-2"));
    IamException e =
        catchThrowableOfType(
            () -> iam.updateLoginProfile(r -> r.userName("bob").password("First-Pass-1")),
            IamException.class);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");
    iam.updateLoginProfile(r -> r.userName("bob").password("Third-Pass-3"));
    iam.updateLoginProfile(
        r -> r.userName("bob").password("First-Pass-1")); // three passwords ago: allowed again
  }

  @Test
  void deletePolicyRestoresTheDefaultRules() {
    iam.updateAccountPasswordPolicy(r -> r.minimumPasswordLength(6));
    iam.createUser(r -> r.userName("bob"));
    iam.createLoginProfile(r -> r.userName("bob").password("sixsix"));
    iam.deleteAccountPasswordPolicy();
    assertThat(
            catchThrowableOfType(() -> iam.getAccountPasswordPolicy(), IamException.class)
                .statusCode())
        .isEqualTo(404);
    IamException again =
        catchThrowableOfType(() -> iam.deleteAccountPasswordPolicy(), IamException.class);
    assertThat(again.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    IamException weak =
        catchThrowableOfType(
            () -> iam.updateLoginProfile(r -> r.userName("bob").password("sixsix")),
            IamException.class);
    assertThat(weak.awsErrorDetails().errorCode()).isEqualTo("PasswordPolicyViolation");
  }
}
