package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.iam.model.IamException;

/** Policy documents and assertions shared by the policy wire tests. */
final class PolicyFixtures {
  static final String ACCOUNT = "123456789012";
  static final String S3_READ =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
  static final String EC2_DESCRIBE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";
  static final String READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String TRUST_EC2 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private PolicyFixtures() {}

  static String policyArn(String path, String name) {
    return "arn:aws:iam::" + ACCOUNT + ":policy" + path + name;
  }

  /**
   * A valid identity policy with {@code statements} Allow statements, each naming its index as
   * resource.
   */
  static String documentWithStatements(int statements) {
    StringBuilder json = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < statements; i++) {
      json.append(i == 0 ? "" : ",")
          .append(
              "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket-")
          .append(String.format("%05d", i))
          .append("/*\"}");
    }
    return json.append("]}").toString();
  }

  /** IAM sends documents URL-encoded (RFC 3986); this is what an SDK user decodes. */
  static String decode(String encoded) {
    return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
  }

  static IamException awsError(ThrowingCallable call, String code, int status, String message) {
    IamException e = catchThrowableOfType(call, IamException.class);
    assertThat(e).as("expected %s", code).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(status);
    if (message != null) {
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
    return e;
  }
}
