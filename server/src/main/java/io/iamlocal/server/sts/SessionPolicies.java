package io.iamlocal.server.sts;

import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.policy.validation.PolicyValidationException;
import io.iamlocal.policy.validation.PolicyValidator;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.iam.PolicyDocuments;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Tags;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Session policies (the inline {@code Policy} and managed {@code PolicyArns}) and the packed size
 * STS reports for them and the session tags. AWS packs policies and tags into the session token in
 * a compressed binary form whose size limit it does not publish; {@code PackedPolicySize} is the
 * percentage of that limit used, and going over 100 fails with {@code PackedPolicyTooLarge}.
 * IAMLocal packs with DEFLATE and a limit of {@value #PACKED_LIMIT_BYTES} bytes, which puts a
 * one-statement policy at a few percent, as AWS does (its documented example reports 6).
 */
final class SessionPolicies {
  static final int PACKED_LIMIT_BYTES = 1280;

  /** AWS: up to 10 managed session policies. */
  static final int MAX_POLICY_ARNS = 10;

  /** The session policies of a request. */
  record Requested(String policy, List<String> policyArns) {
    boolean any() {
      return policy != null || !policyArns.isEmpty();
    }
  }

  private SessionPolicies() {}

  /** Reads and validates {@code Policy} (session policy grammar) and {@code PolicyArns}. */
  static Requested read(Params params, AccountState account) {
    String policy = params.string("Policy");
    List<String> arns =
        params.structs("PolicyArns").stream()
            .map(p -> p.string("arn"))
            .filter(a -> a != null)
            .toList();
    if (arns.size() > MAX_POLICY_ARNS) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + arns
              + "' at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to "
              + MAX_POLICY_ARNS);
    }
    if (policy != null) {
      try {
        PolicyValidator.parseAndValidate(
            policy, PolicyKind.SESSION, PolicyDocuments.options(account));
      } catch (PolicyValidationException e) {
        throw new AwsServiceException(AwsErrorCode.MALFORMED_POLICY_DOCUMENT, e.getMessage());
      }
    }
    return new Requested(policy, arns);
  }

  /**
   * The PackedPolicySize percentage of the session policies and tags; fails with AWS's texts when
   * either does not fit.
   */
  static int packedSize(Requested policies, List<Tags.Tag> tags) {
    StringBuilder policyText = new StringBuilder();
    if (policies.policy() != null) {
      policyText.append(minified(policies.policy()));
    }
    policies.policyArns().forEach(a -> policyText.append('\n').append(a));
    StringBuilder tagText = new StringBuilder();
    tags.forEach(t -> tagText.append(t.key()).append('=').append(t.value()).append('\n'));
    int policyPercent = percent(policyText.toString());
    int tagPercent = percent(tagText.toString());
    if (tagPercent > 100) {
      throw new AwsServiceException(
          AwsErrorCode.PACKED_POLICY_TOO_LARGE,
          "Packed size of session tags consumes " + tagPercent + "% of allotted space.");
    }
    int total = percent(policyText + "\n" + tagText);
    if (total > 100) {
      throw new AwsServiceException(
          AwsErrorCode.PACKED_POLICY_TOO_LARGE,
          "Packed policy consumes "
              + Math.max(total, policyPercent)
              + "% of allotted space, please use smaller policy.");
    }
    return total;
  }

  private static int percent(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return (int) Math.ceil(out.size() * 100.0 / PACKED_LIMIT_BYTES);
  }

  /** Whitespace outside strings does not count (as for IAM's policy size quotas). */
  private static String minified(String json) {
    StringBuilder out = new StringBuilder(json.length());
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c == '"' && (i == 0 || json.charAt(i - 1) != '\\')) {
        inString = !inString;
      }
      if (inString || !Character.isWhitespace(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
