package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.trust;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code --no-enforce}: every authenticated call is allowed, policies and trust policies are not
 * evaluated.
 */
class EnforcementOffIT {

  @Test
  void usersWithoutPoliciesMayDoAnythingAndRootMayAssumeRoles() throws Exception {
    IamLocalProcess server = IamLocalProcess.start("--no-enforce", "-q");
    try (IamClient root = Clients.iam(server.endpoint(), Clients.root());
        StsClient rootSts = Clients.sts(server.endpoint(), Clients.root())) {
      root.createUser(r -> r.userName("alice"));
      AccessKey key = root.createAccessKey(r -> r.userName("alice")).accessKey();
      AwsBasicCredentials alice =
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
      try (IamClient asAlice = Clients.iam(server.endpoint(), alice);
          S3Client s3 = StsTestSupport.s3(server.endpoint(), alice)) {
        asAlice.createUser(r -> r.userName("bob"));
        assertThat(asAlice.listUsers().users()).hasSize(2);
        s3.createBucket(r -> r.bucket("free-for-all"));
      }
      root.createRole(
          r ->
              r.roleName("nobody-trusted")
                  .assumeRolePolicyDocument(trust("arn:aws:iam::123456789012:user/bob")));
      assertThat(
              rootSts
                  .assumeRole(
                      r ->
                          r.roleArn(StsTestSupport.roleArn("nobody-trusted"))
                              .roleSessionName("root-session"))
                  .assumedRoleUser()
                  .arn())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/nobody-trusted/root-session");
    } finally {
      server.stop();
    }
  }
}
