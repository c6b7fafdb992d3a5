package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * Assertions on IAM error responses, and a guard for operations another family has not landed yet.
 */
final class IamErrors {
  private IamErrors() {}

  /** Runs {@code call}, which must fail with exactly this code, HTTP status and message. */
  static IamException expect(ThrowingCallable call, String code, int status, String message) {
    IamException e = catchThrowableOfType(call, IamException.class);
    assertThat(e).as("expected %s to be thrown", code).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    return e;
  }

  /**
   * Runs a set-up step that uses an operation of another family (inline or managed policies);
   * aborts the test, rather than failing it, while the server answers NotImplemented.
   */
  static void setUpWith(Runnable step) {
    try {
      step.run();
    } catch (IamException e) {
      Assumptions.assumeFalse(
          "NotImplemented".equals(e.awsErrorDetails().errorCode()),
          "set-up operation not served yet: " + e.awsErrorDetails().errorMessage());
      throw e;
    }
  }
}
