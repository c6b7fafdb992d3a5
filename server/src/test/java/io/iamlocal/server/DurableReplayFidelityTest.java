package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many kinds of writes, then a restart on the data directory: every read answers byte for byte as
 * before (IDs, dates, secrets, serial numbers, MFA seeds, issuer identifiers), and no journal entry
 * replays differently.
 */
class DurableReplayFidelityTest {
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String ALLOW =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final List<String> WRITES =
      List.of(
          "CreateUser&UserName=alice&Path=/a/&Tags.member.1.Key=team&Tags.member.1.Value=red",
          "CreateAccessKey&UserName=alice",
          "CreateAccessKey&UserName=alice",
          "UpdateAccessKey&UserName=alice&AccessKeyId=@KEY&Status=Inactive",
          "CreateGroup&GroupName=devs",
          "AddUserToGroup&GroupName=devs&UserName=alice",
          "CreatePolicy&PolicyName=p1&PolicyDocument=" + ALLOW,
          "CreatePolicyVersion&PolicyArn=arn:aws:iam::123456789012:policy/p1&PolicyDocument="
              + ALLOW
              + "&SetAsDefault=true",
          "AttachUserPolicy&UserName=alice&PolicyArn=arn:aws:iam::123456789012:policy/p1",
          "AttachGroupPolicy&GroupName=devs&PolicyArn=arn:aws:iam::aws:policy/ReadOnlyAccess",
          "PutUserPolicy&UserName=alice&PolicyName=inline&PolicyDocument=" + ALLOW,
          "CreateRole&RoleName=app&AssumeRolePolicyDocument=" + TRUST,
          "UpdateRole&RoleName=app&Description=changed&MaxSessionDuration=7200",
          "TagRole&RoleName=app&Tags.member.1.Key=env&Tags.member.1.Value=dev",
          "CreateInstanceProfile&InstanceProfileName=ip",
          "AddRoleToInstanceProfile&InstanceProfileName=ip&RoleName=app",
          "CreateVirtualMFADevice&VirtualMFADeviceName=phone",
          "CreateLoginProfile&UserName=alice&Password=Passw0rd!Passw0rd!",
          "CreateAccountAlias&AccountAlias=my-alias",
          "UpdateAccountPasswordPolicy&MinimumPasswordLength=12",
          "CreateOpenIDConnectProvider&Url=https://token.example.com&ThumbprintList.member.1=0123456789abcdef0123456789abcdef01234567"
              + "&ClientIDList.member.1=app",
          "EnableOutboundWebIdentityFederation",
          "GenerateCredentialReport",
          "DeleteUserPolicy&UserName=alice&PolicyName=inline");
  private static final List<String> READS =
      List.of(
          "GetAccountAuthorizationDetails",
          "ListAccessKeys&UserName=alice",
          "ListPolicyVersions&PolicyArn=arn:aws:iam::123456789012:policy/p1",
          "ListInstanceProfiles",
          "ListVirtualMFADevices",
          "GetLoginProfile&UserName=alice",
          "ListAccountAliases",
          "GetAccountPasswordPolicy",
          "GetOpenIDConnectProvider&OpenIDConnectProviderArn=arn:aws:iam::123456789012:oidc-provider/token.example.com",
          "GetOutboundWebIdentityFederationInfo",
          "GetAccountSummary",
          "GetUser");

  @TempDir Path dir;

  @Test
  void everyReadAnswersTheSameAfterARestart() {
    List<String> before = new ArrayList<>();
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      String firstKey = null;
      for (String write : WRITES) {
        HttpResponse<String> response = iam(local, write.replace("@KEY", String.valueOf(firstKey)));
        assertThat(response.statusCode()).as(write + ": " + response.body()).isEqualTo(200);
        if (firstKey == null && write.startsWith("CreateAccessKey")) {
          firstKey = response.body().replaceAll("(?s).*<AccessKeyId>([^<]+)</AccessKeyId>.*", "$1");
        }
      }
      for (String read : READS) {
        HttpResponse<String> response = iam(local, read);
        assertThat(response.statusCode()).as(read + ": " + response.body()).isEqualTo(200);
        before.add(stripRequestId(response.body()));
      }
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(local.server().durability().divergedEntries()).isZero();
      for (int i = 0; i < READS.size(); i++) {
        assertThat(stripRequestId(iam(local, READS.get(i)).body()))
            .as(READS.get(i))
            .isEqualTo(before.get(i));
      }
    }
  }

  private static HttpResponse<String> iam(IamLocal local, String call) {
    StringBuilder form = new StringBuilder("Version=2010-05-08&Action=");
    for (String part : call.split("&")) {
      int eq = part.indexOf('=');
      if (form.charAt(form.length() - 1) != '=') {
        form.append('&');
      }
      form.append(
          eq < 0
              ? part
              : part.substring(0, eq + 1)
                  + URLEncoder.encode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return SignedHttp.call(local, "iam", form.toString());
  }

  private static String stripRequestId(String body) {
    return body.replaceAll("<RequestId>[^<]*</RequestId>", "");
  }
}
