package io.iamlocal.server.state;

import java.time.Duration;
import java.time.Instant;

/**
 * The account's latest credential report. GenerateCredentialReport answers STARTED when it builds a
 * new one and COMPLETE while the latest is younger than four hours; GetCredentialReport refuses a
 * report older than that (ReportExpired), as IAM does.
 */
public final class CredentialReports {
  /** IAM keeps a credential report for four hours. */
  public static final Duration LIFETIME = Duration.ofHours(4);

  private CredentialReport latest;

  public static CredentialReports of(AccountState account) {
    return account.extension(CredentialReports.class, a -> new CredentialReports());
  }

  public CredentialReport latest() {
    return latest;
  }

  public boolean isFresh(Instant now) {
    return latest != null && now.isBefore(latest.generatedTime().plus(LIFETIME));
  }

  public void store(CredentialReport report) {
    this.latest = report;
  }
}
