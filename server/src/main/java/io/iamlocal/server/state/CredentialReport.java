package io.iamlocal.server.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A credential report: the CSV IAM builds for GetCredentialReport, with exactly AWS's columns
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html). The root
 * user's row comes first as {@code <root_account>}; values IAM cannot give are {@code N/A}, {@code
 * not_supported} (root password columns) or {@code no_information}.
 */
public record CredentialReport(Instant generatedTime, byte[] content) {
  public static final String HEADER =
      "user,arn,user_creation_time,password_enabled,password_last_used,"
          + "password_last_changed,password_next_rotation,mfa_active,"
          + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,"
          + "access_key_1_last_used_service,"
          + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
          + "access_key_2_last_used_service,"
          + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

  /** Reports date-times in ISO 8601 with an explicit offset, e.g. 2024-01-31T12:00:00+00:00. */
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

  private static final String NA = "N/A";

  /** A report of the account as it is now. */
  public static CredentialReport generate(AccountState account, Instant now) {
    StringBuilder csv = new StringBuilder(256 + account.users().size() * 256).append(HEADER);
    AccountSettings settings = AccountSettings.of(account);
    LoginProfiles logins = LoginProfiles.of(account);
    MfaDevices mfa = MfaDevices.of(account);
    SigningCertificates certificates = SigningCertificates.of(account);
    csv.append('\n')
        .append("<root_account>,")
        .append(Arns.root(account.partition(), account.accountId()))
        .append(',')
        .append(date(account.createDate()))
        .append(",not_supported,no_information,not_supported,not_supported,false");
    keyColumns(csv, rootKeys(account));
    certColumns(csv, certificates.of((User) null));
    for (User user : account.users().values()) {
      LoginProfile login = logins.get(user);
      csv.append('\n')
          .append(user.userName())
          .append(',')
          .append(user.arn())
          .append(',')
          .append(date(user.createDate()));
      if (login == null || !login.hasPassword()) {
        csv.append(",false,N/A,N/A,N/A");
      } else {
        PasswordPolicy policy = settings.passwordPolicy();
        csv.append(",true,")
            .append(
                user.passwordLastUsed() == null ? "no_information" : date(user.passwordLastUsed()))
            .append(',')
            .append(date(login.passwordLastChanged()))
            .append(',')
            .append(
                policy != null && policy.expirePasswords()
                    ? date(
                        login.passwordLastChanged().plusSeconds(86_400L * policy.maxPasswordAge()))
                    : NA);
      }
      csv.append(',').append(mfa.hasAssigned(user));
      keyColumns(csv, user.accessKeys());
      certColumns(csv, certificates.of(user));
    }
    return new CredentialReport(now, csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void keyColumns(StringBuilder csv, List<AccessKey> keys) {
    for (int i = 0; i < 2; i++) {
      AccessKey key = i < keys.size() ? keys.get(i) : null;
      if (key == null) {
        csv.append(",false,N/A,N/A,N/A,N/A");
        continue;
      }
      AccessKey.LastUsed used = key.lastUsed();
      csv.append(',')
          .append(key.isActive())
          .append(',')
          .append(date(key.createDate()))
          .append(',')
          .append(used == null ? NA : date(used.date()))
          .append(',')
          .append(used == null ? NA : used.region())
          .append(',')
          .append(used == null ? NA : used.serviceName());
    }
  }

  /**
   * The first two signing certificates in upload order: active or not, and when uploaded; false /
   * N/A without one.
   */
  private static void certColumns(StringBuilder csv, List<SigningCertificate> certificates) {
    for (int i = 0; i < 2; i++) {
      SigningCertificate certificate = i < certificates.size() ? certificates.get(i) : null;
      if (certificate == null) {
        csv.append(",false,N/A");
      } else {
        csv.append(',')
            .append("Active".equals(certificate.status()))
            .append(',')
            .append(date(certificate.uploadDate()));
      }
    }
  }

  private static List<AccessKey> rootKeys(AccountState account) {
    return account.accessKeys().values().stream()
        .filter(k -> k.owner() == null)
        .sorted(
            java.util.Comparator.comparing(AccessKey::createDate)
                .thenComparing(AccessKey::accessKeyId))
        .toList();
  }

  private static String date(Instant instant) {
    return DATE.format(instant);
  }
}
