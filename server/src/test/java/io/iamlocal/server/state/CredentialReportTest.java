package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CredentialReportTest {
  private final Instant now = Instant.parse("2024-05-01T12:00:00Z");
  private final AccountState account =
      new AccountState("123456789012", Clock.fixed(now, ZoneOffset.UTC), new IdGenerator());

  @Test
  void rowsFollowAwsColumnsWithRootFirst() {
    User bob = new User(Partition.AWS, "123456789012", "bob", "/", "AIDABBBBBBBBBBBBBBBBB", now);
    account.users().put(bob);
    LoginProfiles.of(account)
        .put(bob, new LoginProfile(PasswordHash.of("Secret-Pass-1"), false, now));
    AccountSettings.of(account)
        .setPasswordPolicy(
            new PasswordPolicy(8, false, false, false, false, true, 30, null, false));
    AccessKey key = new AccessKey("AKIAEXAMPLEEXAMPLE01", "secret", bob, now);
    key.recordUse(now.plusSeconds(60), "iam", "us-east-1");
    bob.accessKeys().add(key);

    String[] lines =
        new String(CredentialReport.generate(account, now).content(), StandardCharsets.UTF_8)
            .split("\n");
    assertThat(lines[0].split(",")).hasSize(22);
    assertThat(lines[1])
        .isEqualTo(
            "<root_account>,arn:aws:iam::123456789012:root,2024-05-01T12:00:00+00:00,not_supported,"
                + "no_information,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
    assertThat(lines[2])
        .isEqualTo(
            "bob,arn:aws:iam::123456789012:user/bob,2024-05-01T12:00:00+00:00,true,no_information,"
                + "2024-05-01T12:00:00+00:00,2024-05-31T12:00:00+00:00,false,true,2024-05-01T12:00:00+00:00,"
                + "2024-05-01T12:01:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
  }

  @Test
  void reportsExpireAfterFourHours() {
    CredentialReports reports = CredentialReports.of(account);
    assertThat(reports.isFresh(now)).isFalse();
    reports.store(CredentialReport.generate(account, now));
    assertThat(reports.isFresh(now.plusSeconds(4 * 3600 - 1))).isTrue();
    assertThat(reports.isFresh(now.plusSeconds(4 * 3600))).isFalse();
  }
}
