package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expectations of moto's partition-parametrised STS tests (regions us-east-1, cn-north-1 and
 * us-isob-east-1) that hold on AWS, driven through boto3 as those tests do. Where moto expects what
 * AWS does not do (root assuming a role, a trust policy or session policy naming the {@code aws}
 * partition from China, fixed example keys and tokens), the script states AWS's behaviour instead.
 */
class PartitionsBoto3IT extends WireTest {
  private static final String SCRIPT = """
      import datetime, json, sys, boto3
      endpoint, region, partition = sys.argv[1], sys.argv[2], sys.argv[3]
      account = "123456789012"
      def client(service, key="test", secret="test", token=None):
          return boto3.client(service, endpoint_url=endpoint, region_name=region, aws_access_key_id=key,
                              aws_secret_access_key=secret, aws_session_token=token)
      iam, sts = client("iam"), client("sts")

      me = sts.get_caller_identity()
      assert me["Arn"] == f"arn:{partition}:iam::{account}:root", me
      assert me["Account"] == account, me

      user = iam.create_user(UserName="new-user")["User"]
      assert user["Arn"] == f"arn:{partition}:iam::{account}:user/new-user", user
      iam.put_user_policy(UserName="new-user", PolicyName="sts", PolicyDocument=json.dumps(
          {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:*", "Resource": "*"}]}))
      key = iam.create_access_key(UserName="new-user")["AccessKey"]
      as_user = client("sts", key["AccessKeyId"], key["SecretAccessKey"])
      me = as_user.get_caller_identity()
      assert (me["Arn"], me["UserId"], me["Account"]) == (user["Arn"], user["UserId"], account), me

      trust = {"Version": "2012-10-17", "Statement": {"Effect": "Allow",
               "Principal": {"AWS": f"arn:{partition}:iam::{account}:root"}, "Action": "sts:AssumeRole"}}
      role = iam.create_role(RoleName="test-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"]
      before = datetime.datetime.now(datetime.timezone.utc)
      assumed = as_user.assume_role(RoleArn=role["Arn"], RoleSessionName="session-name", DurationSeconds=900,
          Policy=json.dumps({"Statement": [{"Effect": "Allow", "Action": ["S3:ListBucket"],
                                            "Resource": [f"arn:{partition}:s3:::foobar-tester"]}]}))
      creds, who = assumed["Credentials"], assumed["AssumedRoleUser"]
      assert who["Arn"] == f"arn:{partition}:sts::{account}:assumed-role/test-role/session-name", who
      assert who["AssumedRoleId"].startswith("AROA") and who["AssumedRoleId"].rpartition(":")[0] == role["RoleId"], who
      assert who["AssumedRoleId"].endswith(":session-name"), who
      assert creds["AccessKeyId"].startswith("ASIA") and len(creds["AccessKeyId"]) == 20, creds
      assert len(creds["SecretAccessKey"]) == 40, creds
      assert abs((creds["Expiration"] - before).total_seconds() - 900) < 5, creds["Expiration"]
      me = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"]).get_caller_identity()
      assert (me["Arn"], me["UserId"], me["Account"]) == (who["Arn"], who["AssumedRoleId"], account), me

      fed = as_user.get_federation_token(Name="Bob", DurationSeconds=903)
      assert fed["FederatedUser"]["Arn"] == f"arn:{partition}:sts::{account}:federated-user/Bob", fed
      assert fed["FederatedUser"]["FederatedUserId"] == f"{account}:Bob", fed
      print("partition ok", partition)
      """;

  @BeforeEach
  void needsBoto3() {
    ExternalTool.assumeAvailable("python3", "-c", "import boto3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"us-east-1, aws", "cn-north-1, aws-cn", "us-isob-east-1, aws-iso-b"})
  void motoPartitionExpectationsThatHoldOnAws(String region, String partition) {
    ExternalTool.Result r = ExternalTool.run(ExternalTool.awsEnv("test", "test"),
        List.of("python3", "-c", SCRIPT, endpoint().toString(), region, partition));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("partition ok " + partition);
  }
}
