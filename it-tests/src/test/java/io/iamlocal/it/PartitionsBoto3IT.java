package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expectations of moto's partition-parametrised STS and IAM tests (regions us-east-1,
 * cn-north-1 and us-isob-east-1) that hold on AWS, driven through boto3 as those tests do. Where
 * moto expects what AWS does not do (root assuming a role, a trust policy or session policy naming
 * the {@code aws} partition from China, fixed example keys and tokens), the script states AWS's
 * behaviour instead. The IAM script likewise uses documents naming the client's partition where
 * moto's fixtures spell {@code arn:aws:} everywhere, and valid certificates, metadata and trust
 * policies where moto's are placeholders AWS refuses.
 */
class PartitionsBoto3IT extends WireTest {
  private static final String SCRIPT =
      """
      import base64, datetime, json, sys, time, boto3
      from botocore import UNSIGNED
      from botocore.config import Config
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

      # Web identity federation, sent unsigned as the SDKs send it: the role ARN names the partition.
      provider = iam.create_open_id_connect_provider(Url="https://idp.example.com", ClientIDList=["my-app"],
                                                     ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
      web_trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": provider},
                   "Action": "sts:AssumeRoleWithWebIdentity"}]}
      web_role = iam.create_role(RoleName="web-role", AssumeRolePolicyDocument=json.dumps(web_trust))["Role"]
      def b64(claims):
          return base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
      now = int(time.time())
      token = ".".join([b64({"alg": "RS256", "kid": "k1"}), b64({"iss": "https://idp.example.com", "aud": "my-app",
                        "sub": "user-1", "iat": now, "exp": now + 3600}), "c2ln"])
      anonymous = boto3.client("sts", endpoint_url=endpoint, region_name=region, config=Config(signature_version=UNSIGNED))
      web = anonymous.assume_role_with_web_identity(RoleArn=web_role["Arn"], RoleSessionName="web-session", WebIdentityToken=token)
      assert web["AssumedRoleUser"]["Arn"] == f"arn:{partition}:sts::{account}:assumed-role/web-role/web-session", web
      assert (web["Provider"], web["SubjectFromWebIdentityToken"]) == ("https://idp.example.com", "user-1"), web
      print("partition ok", partition)
      """;

  /**
   * Entity ARNs, AWS managed policies and their attachments, as moto's IAM tests check them per
   * partition.
   */
  private static final String IAM_SCRIPT =
      """
      import json, os, sys, boto3
      from botocore.exceptions import ClientError
      endpoint, region, partition = sys.argv[1], sys.argv[2], sys.argv[3]
      account = "123456789012"
      iam = boto3.client("iam", endpoint_url=endpoint, region_name=region,
                         aws_access_key_id="test", aws_secret_access_key="test")
      own = f"arn:{partition}:iam::{account}:"
      managed = f"arn:{partition}:iam::aws:policy/"
      def expect(actual, wanted):
          assert actual == wanted, f"{actual!r} != {wanted!r}"

      role_trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
      bucket_policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Action": "s3:ListBucket", "Resource": f"arn:{partition}:s3:::example-bucket"}]})

      user = iam.create_user(UserName="my-user", Path="/team/")["User"]
      expect(user["Arn"], own + "user/team/my-user")
      expect(iam.get_user(UserName="my-user")["User"]["Arn"], user["Arn"])
      group = iam.create_group(GroupName="my-group", Path="/some/location/")["Group"]
      expect(group["Arn"], own + "group/some/location/my-group")
      iam.add_user_to_group(GroupName="my-group", UserName="my-user")
      expect([u["Arn"] for u in iam.get_group(GroupName="my-group")["Users"]], [user["Arn"]])
      expect([g["Arn"] for g in iam.list_groups_for_user(UserName="my-user")["Groups"]], [group["Arn"]])

      role = iam.create_role(RoleName="my-role", Path="/my-path/", AssumeRolePolicyDocument=role_trust)["Role"]
      expect(role["Arn"], own + "role/my-path/my-role")
      expect(iam.get_role(RoleName="my-role")["Role"]["Arn"], role["Arn"])
      profile = iam.create_instance_profile(InstanceProfileName="my-profile", Path="/my-path/")["InstanceProfile"]
      expect(profile["Arn"], own + "instance-profile/my-path/my-profile")
      iam.add_role_to_instance_profile(InstanceProfileName="my-profile", RoleName="my-role")
      fetched = iam.get_instance_profile(InstanceProfileName="my-profile")["InstanceProfile"]
      expect((fetched["Arn"], [r["Arn"] for r in fetched["Roles"]]), (profile["Arn"], [role["Arn"]]))
      expect([p["Arn"] for p in iam.list_instance_profiles_for_role(RoleName="my-role")["InstanceProfiles"]], [profile["Arn"]])

      policy = iam.create_policy(PolicyName="TestCreatePolicy", PolicyDocument=bucket_policy)["Policy"]
      expect(policy["Arn"], own + "policy/TestCreatePolicy")
      expect(iam.create_policy(PolicyName="Pathed", Path="/mypath/", PolicyDocument=bucket_policy)["Policy"]["Arn"],
             own + "policy/mypath/Pathed")
      expect(iam.get_policy(PolicyArn=policy["Arn"])["Policy"]["Arn"], policy["Arn"])
      expect(sorted(p["Arn"] for p in iam.list_policies(Scope="Local")["Policies"]), [own + "policy/TestCreatePolicy", own + "policy/mypath/Pathed"])
      iam.create_policy_version(PolicyArn=policy["Arn"], PolicyDocument=bucket_policy, SetAsDefault=True)
      expect([v["VersionId"] for v in iam.list_policy_versions(PolicyArn=policy["Arn"])["Versions"]], ["v2", "v1"])

      lambda_basic = managed + "service-role/AWSLambdaBasicExecutionRole"
      aws_policy = iam.get_policy(PolicyArn=lambda_basic)["Policy"]
      expect((aws_policy["Arn"], aws_policy["Path"], aws_policy["PolicyName"]),
             (lambda_basic, "/service-role/", "AWSLambdaBasicExecutionRole"))
      version = iam.get_policy_version(PolicyArn=lambda_basic, VersionId=aws_policy["DefaultVersionId"])["PolicyVersion"]
      assert "arn:aws:" not in json.dumps(version["Document"]) or partition == "aws", version["Document"]
      assert all(p["Arn"].startswith(managed) for p in iam.list_policies(Scope="AWS", MaxItems=20)["Policies"])

      for kind, name, attach, listing in [("user", "my-user", iam.attach_user_policy, iam.list_attached_user_policies),
                                          ("group", "my-group", iam.attach_group_policy, iam.list_attached_group_policies),
                                          ("role", "my-role", iam.attach_role_policy, iam.list_attached_role_policies)]:
          key = {"user": "UserName", "group": "GroupName", "role": "RoleName"}[kind]
          attach(**{key: name}, PolicyArn=lambda_basic)
          attach(**{key: name}, PolicyArn=policy["Arn"])
          attached = sorted((p["PolicyName"], p["PolicyArn"]) for p in listing(**{key: name})["AttachedPolicies"])
          expect(attached, [("AWSLambdaBasicExecutionRole", lambda_basic), ("TestCreatePolicy", policy["Arn"])])
      entities = iam.list_entities_for_policy(PolicyArn=lambda_basic)
      expect(([u["UserName"] for u in entities["PolicyUsers"]], [g["GroupName"] for g in entities["PolicyGroups"]],
              [r["RoleName"] for r in entities["PolicyRoles"]]), (["my-user"], ["my-group"], ["my-role"]))
      expect(iam.list_policies(Scope="AWS", OnlyAttached=True)["Policies"][0]["Arn"], lambda_basic)
      iam.detach_role_policy(RoleName="my-role", PolicyArn=lambda_basic)
      expect([p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName="my-role")["AttachedPolicies"]], [policy["Arn"]])

      simulated = iam.simulate_principal_policy(PolicySourceArn=user["Arn"], ActionNames=["s3:ListBucket"],
          ResourceArns=[f"arn:{partition}:s3:::example-bucket", f"arn:{partition}:s3:::other-bucket"])["EvaluationResults"]
      expect([(r["EvalResourceName"], r["EvalResourceDecision"]) for r in simulated[0]["ResourceSpecificResults"]],
             [(f"arn:{partition}:s3:::example-bucket", "allowed"), (f"arn:{partition}:s3:::other-bucket", "implicitDeny")])
      iam.put_user_permissions_boundary(UserName="my-user", PermissionsBoundary=lambda_basic)
      expect(iam.get_user(UserName="my-user")["User"]["PermissionsBoundary"]["PermissionsBoundaryArn"], lambda_basic)
      bounded = iam.create_role(RoleName="bounded", AssumeRolePolicyDocument=role_trust, PermissionsBoundary=policy["Arn"])["Role"]
      expect(bounded["PermissionsBoundary"]["PermissionsBoundaryArn"], policy["Arn"])
      iam.delete_role(RoleName="bounded")
      iam.tag_policy(PolicyArn=policy["Arn"], Tags=[{"Key": "team", "Value": "blue"}])
      expect(iam.list_policy_tags(PolicyArn=policy["Arn"])["Tags"], [{"Key": "team", "Value": "blue"}])
      iam.tag_instance_profile(InstanceProfileName="my-profile", Tags=[{"Key": "team", "Value": "blue"}])
      expect(iam.list_instance_profile_tags(InstanceProfileName="my-profile")["Tags"], [{"Key": "team", "Value": "blue"}])
      iam.generate_credential_report()
      report = iam.get_credential_report()["Content"].decode().splitlines()
      expect(sorted(row.split(",")[1] for row in report[1:]), sorted([f"arn:{partition}:iam::{account}:root", user["Arn"]]))

      details = iam.get_account_authorization_details()
      expect([u["Arn"] for u in details["UserDetailList"]], [user["Arn"]])
      expect([g["Arn"] for g in details["GroupDetailList"]], [group["Arn"]])
      expect([r["Arn"] for r in details["RoleDetailList"]], [role["Arn"]])
      expect([p["Arn"] for p in details["RoleDetailList"][0]["InstanceProfileList"]], [profile["Arn"]])
      expect(sorted(p["PolicyArn"] for p in details["UserDetailList"][0]["AttachedManagedPolicies"]), sorted([lambda_basic, policy["Arn"]]))
      expect(details["UserDetailList"][0]["PermissionsBoundary"]["PermissionsBoundaryArn"], lambda_basic)
      assert {p["Arn"] for p in details["Policies"]} >= {policy["Arn"], lambda_basic}, details["Policies"]

      oidc = iam.create_open_id_connect_provider(Url="https://example.com", ClientIDList=["sts.amazonaws.com"],
                                                 ThumbprintList=["a" * 40])["OpenIDConnectProviderArn"]
      expect(oidc, own + "oidc-provider/example.com")
      expect(iam.get_open_id_connect_provider(OpenIDConnectProviderArn=oidc)["Url"], "example.com")
      expect([p["Arn"] for p in iam.list_open_id_connect_providers()["OpenIDConnectProviderList"]], [oidc])
      saml = iam.create_saml_provider(Name="my-idp", SAMLMetadataDocument=os.environ["SAML_METADATA"])["SAMLProviderArn"]
      expect(saml, own + "saml-provider/my-idp")
      expect([p["Arn"] for p in iam.list_saml_providers()["SAMLProviderList"]], [saml])

      cert = iam.upload_server_certificate(ServerCertificateName="certname", CertificateBody=os.environ["CERT_BODY"],
                                           PrivateKey=os.environ["CERT_KEY"])["ServerCertificateMetadata"]
      expect(cert["Arn"], own + "server-certificate/certname")
      expect(iam.get_server_certificate(ServerCertificateName="certname")["ServerCertificate"]["ServerCertificateMetadata"]["Arn"],
             cert["Arn"])
      expect([c["Arn"] for c in iam.list_server_certificates()["ServerCertificateMetadataList"]], [cert["Arn"]])
      mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName="my-mfa", Path="/mfa-path/")["VirtualMFADevice"]
      expect(mfa["SerialNumber"], own + "mfa/mfa-path/my-mfa")
      slr = iam.create_service_linked_role(AWSServiceName="elasticbeanstalk.amazonaws.com")["Role"]
      expect(slr["Arn"], own + "role/aws-service-role/elasticbeanstalk.amazonaws.com/AWSServiceRoleForElasticBeanstalk")

      iam.detach_user_policy(UserName="my-user", PolicyArn=policy["Arn"])
      iam.detach_group_policy(GroupName="my-group", PolicyArn=policy["Arn"])
      iam.detach_role_policy(RoleName="my-role", PolicyArn=policy["Arn"])
      iam.delete_policy_version(PolicyArn=policy["Arn"], VersionId="v1")
      iam.delete_policy(PolicyArn=policy["Arn"])
      iam.delete_open_id_connect_provider(OpenIDConnectProviderArn=oidc)
      iam.delete_saml_provider(SAMLProviderArn=saml)
      iam.delete_virtual_mfa_device(SerialNumber=mfa["SerialNumber"])
      expect([p["PolicyName"] for p in iam.list_policies(Scope="Local")["Policies"]], ["Pathed"])

      # moto's fixtures name arn:aws: resources whatever the region; AWS refuses another partition's ARNs.
      foreign = "aws-cn" if partition == "aws" else "aws"
      def refused(call, code, message):
          try:
              call()
          except ClientError as e:
              expect((e.response["Error"]["Code"], e.response["Error"]["Message"]), (code, message))
          else:
              raise AssertionError(f"accepted: {code}")
      refused(lambda: iam.create_policy(PolicyName="Foreign", PolicyDocument=bucket_policy.replace(f"arn:{partition}:", f"arn:{foreign}:")),
              "MalformedPolicyDocument", f'Partition "{foreign}" is not valid for resource "arn:{foreign}:s3:::example-bucket".')
      refused(lambda: iam.attach_user_policy(UserName="my-user", PolicyArn=lambda_basic.replace(f"arn:{partition}:", f"arn:{foreign}:")),
              "ValidationError", "Invalid ARN partition")
      foreign_provider = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                          "Principal": {"Federated": f"arn:{foreign}:iam::{account}:oidc-provider/example.com"}}]}
      refused(lambda: iam.create_role(RoleName="foreign-web", AssumeRolePolicyDocument=json.dumps(foreign_provider)),
              "MalformedPolicyDocument", "Federated principals must be valid domain names or SAML metadata ARNs")
      print("iam partition ok", partition)
      """;

  @BeforeEach
  void needsBoto3() {
    ExternalTool.assumeAvailable("python3", "-c", "import boto3");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"us-east-1, aws", "cn-north-1, aws-cn", "us-isob-east-1, aws-iso-b"})
  void motoPartitionExpectationsThatHoldOnAws(String region, String partition) {
    runScript(SCRIPT, ExternalTool.awsEnv("test", "test"), region, partition, "partition ok ");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "us-east-1, aws",
    "cn-north-1, aws-cn",
    "us-gov-east-1, aws-us-gov",
    "us-isob-east-1, aws-iso-b"
  })
  void motoIamPartitionExpectationsThatHoldOnAws(String region, String partition) {
    KeyPair key = TestCertificates.rsa(2048);
    Map<String, String> env = new HashMap<>(ExternalTool.awsEnv("test", "test"));
    env.put(
        "CERT_BODY",
        TestCertificates.pem(
            TestCertificates.selfSigned(key, "www.example.com", Duration.ofDays(30))));
    env.put("CERT_KEY", TestCertificates.pem(key.getPrivate()));
    env.put("SAML_METADATA", SamlProvidersIT.metadata("https://idp.example.com/metadata", null));
    runScript(IAM_SCRIPT, env, region, partition, "iam partition ok ");
  }

  private void runScript(
      String script, Map<String, String> env, String region, String partition, String success) {
    ExternalTool.Result r =
        ExternalTool.run(
            env, List.of("python3", "-c", script, endpoint().toString(), region, partition));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains(success + partition);
  }
}
