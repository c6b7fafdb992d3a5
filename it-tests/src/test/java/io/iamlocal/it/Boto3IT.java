package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same walk-through through boto3, when python3 with boto3 is present. */
class Boto3IT extends WireTest {
  private static final String SCRIPT =
      """
      import sys, boto3, botocore
      endpoint = sys.argv[1]
      def client(service, key="test", secret="test"):
          return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id=key, aws_secret_access_key=secret)
      iam = client("iam")
      iam.create_user(UserName="alice", Tags=[{"Key": "team", "Value": "red"}])
      key = iam.create_access_key(UserName="alice")["AccessKey"]
      me = client("sts", key["AccessKeyId"], key["SecretAccessKey"]).get_caller_identity()
      assert me["Arn"] == "arn:aws:iam::123456789012:user/alice", me
      for i in range(5):
          iam.create_user(UserName=f"user{i}", Path="/p/")
      names = [u["UserName"] for page in iam.get_paginator("list_users").paginate(PaginationConfig={"PageSize": 2})
               for u in page["Users"]]
      assert names == ["alice", "user0", "user1", "user2", "user3", "user4"], names
      try:
          iam.get_user(UserName="nobody")
          raise SystemExit("expected NoSuchEntity")
      except botocore.exceptions.ClientError as e:
          assert e.response["Error"]["Code"] == "NoSuchEntity", e.response
          assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 404
      print("boto3 ok")
      """;

  @BeforeEach
  void needsBoto3() {
    ExternalTool.assumeAvailable("python3", "-c", "import boto3");
  }

  @Test
  void boto3WalkThroughAndPaginator() {
    ExternalTool.Result r =
        ExternalTool.run(
            ExternalTool.awsEnv("test", "test"),
            List.of("python3", "-c", SCRIPT, endpoint().toString()));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("boto3 ok");
  }
}
