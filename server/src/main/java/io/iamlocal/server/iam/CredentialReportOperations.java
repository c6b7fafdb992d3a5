package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.lock;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.CredentialReport;
import io.iamlocal.server.state.CredentialReports;
import java.util.Map;

/**
 * GenerateCredentialReport and GetCredentialReport. Generation is instant: the first call answers
 * STARTED (with AWS's description) and builds the report, later calls answer COMPLETE until the
 * report is four hours old. AWS sends these report errors without a message text.
 */
public final class CredentialReportOperations implements Operations {
  static final String STARTED_DESCRIPTION =
      "No report exists. Starting a new report generation task";

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "GenerateCredentialReport",
        this::generate,
        lock(
            LockMode.WRITE,
            "AWS calls it Read, but it stores the report (and its date) in the account"));
    registry.register("iam", "GetCredentialReport", this::get);
  }

  private Map<String, ?> generate(OperationCall call) {
    CredentialReports reports = CredentialReports.of(call.account());
    if (reports.isFresh(call.now())) {
      return Struct.of("State", "COMPLETE");
    }
    reports.store(CredentialReport.generate(call.account(), call.now()));
    return new Struct().with("State", "STARTED").with("Description", STARTED_DESCRIPTION);
  }

  private Map<String, ?> get(OperationCall call) {
    CredentialReports reports = CredentialReports.of(call.account());
    CredentialReport report = reports.latest();
    if (report == null) {
      throw new AwsServiceException(AwsErrorCode.REPORT_NOT_PRESENT, null);
    }
    if (!reports.isFresh(call.now())) {
      throw new AwsServiceException(AwsErrorCode.REPORT_EXPIRED, null);
    }
    return new Struct()
        .with("Content", report.content())
        .with("ReportFormat", "text/csv")
        .with("GeneratedTime", report.generatedTime());
  }
}
