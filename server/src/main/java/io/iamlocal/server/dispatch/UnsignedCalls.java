package io.iamlocal.server.dispatch;

import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Partition;
import java.util.Map;

/**
 * The calls AWS serves without a signature (their {@link OperationSpec#unsigned()}): STS
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML, whose web identity token or SAML assertion is
 * the credential ("Calling AssumeRoleWithSAML does not require the use of AWS security
 * credentials"). A request for them that carries neither an Authorization header nor query-string
 * auth skips SigV4; a signed one is verified as usual.
 */
final class UnsignedCalls {
  /** The region reported for unsigned calls, which carry no credential scope. */
  static final String REGION = "us-east-1";

  private UnsignedCalls() {}

  /**
   * The partition an unsigned call addresses: no credential scope names a region, so the role it
   * asks for does ({@code arn:aws-cn:iam::…:role/…} is a China role); {@code aws} otherwise.
   */
  static Partition partition(Map<String, String> params) {
    Partition named = Arns.partitionOf(params.get("RoleArn"));
    return named == null ? Partition.AWS : named;
  }

  static boolean allowed(
      HttpRequestData request, Map<String, String> params, OperationRegistry registry) {
    String action = params.get("Action");
    OperationSpec spec = action == null ? null : registry.spec("sts", action);
    if (spec == null || !spec.unsigned() || request.header("authorization") != null) {
      return false;
    }
    return !params.containsKey("X-Amz-Algorithm") && !params.containsKey("X-Amz-Signature");
  }
}
