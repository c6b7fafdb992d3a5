package io.iamlocal.policy.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The partition a policy's resources may name is its account's. AWS's answer for another one, as
 * IAM users in China and GovCloud report it: {@code MalformedPolicyDocument: Partition "aws" is not
 * valid for resource "arn:aws:s3:::test-test-test/test/*".}
 */
class PartitionValidationTest {

  private static String identity(String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\""
        + resource
        + "\"}]}";
  }

  private static ValidationOptions in(String partition) {
    return ValidationOptions.DEFAULT.inPartition(partition);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aws",
        "aws-cn",
        "aws-us-gov",
        "aws-iso",
        "aws-iso-b",
        "aws-iso-e",
        "aws-iso-f",
        "aws-eusc"
      })
  void everyPartitionAcceptsItsOwnArns(String partition) {
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:" + partition + ":s3:::b/*"), PolicyKind.IDENTITY, in(partition)))
        .doesNotThrowAnyException();
  }

  @Test
  void anotherPartitionsArnIsRefusedWithAwsText() {
    assertThatThrownBy(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:aws:s3:::test-test-test/test/*"),
                    PolicyKind.IDENTITY,
                    in("aws-cn")))
        .hasMessage(
            "Partition \"aws\" is not valid for resource \"arn:aws:s3:::test-test-test/test/*\".");
    assertThatThrownBy(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:aws-cn:s3:::b"), PolicyKind.MANAGED, in("aws-us-gov")))
        .hasMessage("Partition \"aws-cn\" is not valid for resource \"arn:aws-cn:s3:::b\".");
  }

  @Test
  void defaultPartitionIsAws() {
    assertThatThrownBy(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:aws-us-gov:s3:::b"), PolicyKind.IDENTITY))
        .hasMessage(
            "Partition \"aws-us-gov\" is not valid for resource \"arn:aws-us-gov:s3:::b\".");
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:aws:s3:::b"),
                    PolicyKind.IDENTITY,
                    new ValidationOptions(arn -> true)))
        .doesNotThrowAnyException();
  }

  @Test
  void principalsOfAnotherPartitionAreInvalid() {
    // As IAM in GovCloud answers a trust policy naming a commercial account's root (users'
    // reports).
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::464622532012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    assertThatThrownBy(
            () -> PolicyValidator.parseAndValidate(trust, PolicyKind.TRUST, in("aws-us-gov")))
        .hasMessage("Invalid principal in policy: \"AWS\":\"arn:aws:iam::464622532012:root\"");
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    trust.replace("arn:aws:", "arn:aws-us-gov:"),
                    PolicyKind.TRUST,
                    in("aws-us-gov")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    trust.replace("arn:aws:iam::464622532012:root", "464622532012"),
                    PolicyKind.TRUST,
                    in("aws-us-gov")))
        .doesNotThrowAnyException();
  }

  @Test
  void federatedProvidersOfAnotherPartitionAreInvalid() {
    // As IAM in GovCloud answers an EKS OIDC provider ARN spelled "arn:aws:" (users' reports).
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
            + "\"arn:aws:iam::464622532012:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/ABC\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
    assertThatThrownBy(
            () -> PolicyValidator.parseAndValidate(trust, PolicyKind.TRUST, in("aws-us-gov")))
        .hasMessage("Federated principals must be valid domain names or SAML metadata ARNs");
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    trust.replace("arn:aws:", "arn:aws-us-gov:"),
                    PolicyKind.TRUST,
                    in("aws-us-gov")))
        .doesNotThrowAnyException();
    assertThatCode(() -> PolicyValidator.parseAndValidate(trust, PolicyKind.TRUST, in("aws")))
        .doesNotThrowAnyException();
    String cognito =
        trust.replace(
            "arn:aws:iam::464622532012:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/ABC",
            "cognito-identity.amazonaws.com");
    assertThatCode(() -> PolicyValidator.parseAndValidate(cognito, PolicyKind.TRUST, in("aws-cn")))
        .doesNotThrowAnyException();
  }

  @Test
  void wildcardPartitionFitsAnyAccount() {
    assertThatCode(
            () ->
                PolicyValidator.parseAndValidate(
                    identity("arn:*:s3:::b"), PolicyKind.IDENTITY, in("aws-cn")))
        .doesNotThrowAnyException();
  }
}
