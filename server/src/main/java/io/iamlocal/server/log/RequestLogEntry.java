package io.iamlocal.server.log;

/**
 * One AWS API request as the request log reports it. It deliberately carries no parameters, keys,
 * session tokens or passwords: only who called (ARN), what (service and operation) and the outcome.
 *
 * @param epochMillis when the response was ready, in milliseconds since the epoch
 * @param requestId the AWS request ID sent in the response
 * @param callerArn the ARN of the authenticated caller, or null when authentication failed
 * @param service the signing service ({@code iam}, {@code sts}), or null when unknown
 * @param operation the {@code Action} parameter as received, or null when it was missing
 * @param status the HTTP status code of the response
 * @param errorCode the AWS error code ({@code NoSuchEntity}…), or null on success
 * @param latencyNanos time from the start of dispatch to the response, in nanoseconds
 * @param account the account the request acted in ({@code aws/123456789012}: partition and ID), or
 *     null when unknown (authentication failed)
 */
public record RequestLogEntry(
    long epochMillis,
    String requestId,
    String callerArn,
    String service,
    String operation,
    int status,
    String errorCode,
    long latencyNanos,
    String account) {

  /** An entry without a known account. */
  public RequestLogEntry(
      long epochMillis,
      String requestId,
      String callerArn,
      String service,
      String operation,
      int status,
      String errorCode,
      long latencyNanos) {
    this(
        epochMillis,
        requestId,
        callerArn,
        service,
        operation,
        status,
        errorCode,
        latencyNanos,
        null);
  }

  /**
   * How an account is named on log lines: its ID, prefixed by its partition outside {@code aws}.
   */
  public static String accountLabel(io.iamlocal.server.state.AccountState account) {
    if (account == null) {
      return null;
    }
    return account.partition() == io.iamlocal.server.state.Partition.AWS
        ? account.accountId()
        : account.partition().id() + "/" + account.accountId();
  }

  /**
   * The action in IAM policy form, e.g. {@code iam:CreateUser}.
   *
   * @return {@code service:Operation}, just the operation when the service is unknown, or null when
   *     the request named no operation
   */
  public String action() {
    if (operation == null || operation.isEmpty()) {
      return null;
    }
    return service == null ? operation : service + ":" + operation;
  }
}
