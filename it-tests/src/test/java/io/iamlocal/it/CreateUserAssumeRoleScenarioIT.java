package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.iam.waiters.IamWaiter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The AWS SDK examples' "Create an IAM user and assume a role with AWS STS" scenario
 * (awsdocs/aws-doc-sdk-examples: python/example_code/iam/scenario_create_user_assume_role.py and
 * its Java twin IAMScenario), run as written against IAMLocal: a user without permissions is
 * refused S3, a role that may list buckets trusts the user, the user's inline policy lets it assume
 * the role, and the role's temporary credentials list the buckets. Then everything is torn down.
 * The examples' sleeps (waiting for IAM's eventual consistency) are not needed: IAMLocal is
 * consistent.
 */
class CreateUserAssumeRoleScenarioIT extends WireTest {

  @Test
  void createUserAssumeRoleAndListBuckets() {
    // 1. Create a user who has no permissions, with an access key (waiting until the user exists,
    // as IAMScenario does).
    String userName = "demo-user-" + UUID.randomUUID();
    IamWaiter waiter = iam.waiter();
    User user = iam.createUser(CreateUserRequest.builder().userName(userName).build()).user();
    WaiterResponse<GetUserResponse> userExists =
        waiter.waitUntilUserExists(GetUserRequest.builder().userName(userName).build());
    assertThat(userExists.matched().response()).isPresent();
    AccessKey userKey =
        iam.createAccessKey(CreateAccessKeyRequest.builder().userName(userName).build())
            .accessKey();

    // 2. A role the user may assume, and a policy that grants listing the account's buckets,
    // attached to it.
    String roleName = "demo-role-" + UUID.randomUUID();
    String assumeRolePolicyDocument =
        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": {\"AWS\": \""
            + user.arn()
            + "\"}, \"Action\": \"sts:AssumeRole\"}]}";
    String roleArn =
        iam.createRole(
                CreateRoleRequest.builder()
                    .roleName(roleName)
                    .assumeRolePolicyDocument(assumeRolePolicyDocument)
                    .description("Created using the AWS SDK for Java")
                    .build())
            .role()
            .arn();
    String policyName = "demo-policy-" + UUID.randomUUID();
    String policyArn =
        iam.createPolicy(
                CreatePolicyRequest.builder()
                    .policyName(policyName)
                    .policyDocument(
                        "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:ListAllMyBuckets\","
                            + " \"Resource\": \"arn:aws:s3:::*\"}]}")
                    .build())
            .policy()
            .arn();
    WaiterResponse<GetPolicyResponse> policyExists =
        waiter.waitUntilPolicyExists(GetPolicyRequest.builder().policyArn(policyArn).build());
    assertThat(policyExists.matched().response()).isPresent();
    iam.attachRolePolicy(
        AttachRolePolicyRequest.builder().roleName(roleName).policyArn(policyArn).build());

    // 3. An inline policy that lets the user assume the role.
    String userPolicyName = "demo-user-policy-" + UUID.randomUUID();
    iam.putUserPolicy(
        PutUserPolicyRequest.builder()
            .userName(userName)
            .policyName(userPolicyName)
            .policyDocument(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Resource\": \""
                    + roleArn
                    + "\"}]}")
            .build());

    // show_access_denied_without_role: the user itself may not list buckets.
    AwsBasicCredentials userCredentials =
        AwsBasicCredentials.create(userKey.accessKeyId(), userKey.secretAccessKey());
    try (S3Client s3Denied = s3(StaticCredentialsProvider.create(userCredentials))) {
      S3Exception denied = catchThrowableOfType(s3Denied::listBuckets, S3Exception.class);
      assertThat(denied).isNotNull();
      assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    // 4. list_buckets_from_assumed_role: assume the role with the user's key, list buckets with the
    // temporary credentials.
    List<String> bucketNames = new ArrayList<>();
    try (StsClient stsClient =
        StsClient.builder()
            .endpointOverride(endpoint())
            .region(Region.US_EAST_1)
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(userCredentials))
            .build()) {
      AssumeRoleResponse roleResponse =
          stsClient.assumeRole(
              AssumeRoleRequest.builder()
                  .roleArn(roleArn)
                  .roleSessionName("AssumeRoleDemoSession")
                  .build());
      Credentials myCreds = roleResponse.credentials();
      try (S3Client s3 =
          s3(
              StaticCredentialsProvider.create(
                  AwsSessionCredentials.create(
                      myCreds.accessKeyId(), myCreds.secretAccessKey(), myCreds.sessionToken())))) {
        for (Bucket bucket : s3.listBuckets().buckets()) {
          bucketNames.add(bucket.name());
        }
      }
    }
    assertThat(bucketNames).isEmpty();

    // 5. teardown: detach and delete the role's policies, delete the role, the user's inline
    // policy, its keys, the user.
    for (AttachedPolicy attached :
        iam.listAttachedRolePolicies(
                ListAttachedRolePoliciesRequest.builder().roleName(roleName).build())
            .attachedPolicies()) {
      iam.detachRolePolicy(
          DetachRolePolicyRequest.builder()
              .roleName(roleName)
              .policyArn(attached.policyArn())
              .build());
      iam.deletePolicy(DeletePolicyRequest.builder().policyArn(attached.policyArn()).build());
    }
    iam.deleteRole(DeleteRoleRequest.builder().roleName(roleName).build());
    for (String name : iam.listUserPolicies(r -> r.userName(userName)).policyNames()) {
      iam.deleteUserPolicy(
          DeleteUserPolicyRequest.builder().userName(userName).policyName(name).build());
    }
    for (var key : iam.listAccessKeys(r -> r.userName(userName)).accessKeyMetadata()) {
      iam.deleteAccessKey(
          DeleteAccessKeyRequest.builder()
              .userName(userName)
              .accessKeyId(key.accessKeyId())
              .build());
    }
    iam.deleteUser(DeleteUserRequest.builder().userName(userName).build());
    assertThat(iam.listUsers().users()).isEmpty();
    assertThat(iam.listRoles().roles()).isEmpty();
  }

  private S3Client s3(StaticCredentialsProvider credentials) {
    return S3Client.builder()
        .endpointOverride(endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .credentialsProvider(credentials)
        .build();
  }
}
