package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.Sessions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several accounts in one embedded server: 12-digit root keys, partitions by region, and a data
 * directory replaying them.
 */
class MultiAccountServerTest {
  private static final String PROD = "999999999999";
  private static final String DEV = "111111111111";
  private static final Pattern KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
  private static final Pattern SECRET =
      Pattern.compile("<SecretAccessKey>([^<]+)</SecretAccessKey>");

  @TempDir Path dir;

  @Test
  void twelveDigitKeysAreTheRootsOfTheirAccountsInTheRegionsPartition() throws Exception {
    try (IamLocal local = IamLocal.builder().port(0).start()) {
      assertThat(
              iam(local, "us-east-1", DEV, "Action=CreateUser&Version=2010-05-08&UserName=ci")
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              iam(local, "cn-north-1", DEV, "Action=CreateUser&Version=2010-05-08&UserName=ci")
                  .statusCode())
          .isEqualTo(200);
      IamLocalState state = local.server().state();
      AccountState aws = state.accounts().find(Partition.AWS, DEV);
      AccountState china = state.accounts().find(Partition.AWS_CN, DEV);
      assertThat(aws.users().get("ci")).isNotNull();
      assertThat(china.users().get("ci")).isNotSameAs(aws.users().get("ci"));
      assertThat(state.account().users().size()).isZero();
      IamLocal.Credentials prod = local.credentials(PROD);
      assertThat(
              SignedHttp.call(
                      local.endpoint(),
                      "iam",
                      prod.accessKeyId(),
                      prod.secretAccessKey(),
                      "Action=ListUsers&Version=2010-05-08")
                  .statusCode())
          .isEqualTo(200);
      assertThat(state.accounts().find(Partition.AWS, PROD)).isNotNull();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> local.credentials("12345"))
          .isInstanceOf(IllegalArgumentException.class);
      // A wrong secret is refused like any unknown signature, and creates no account.
      assertThat(
              SignedHttp.call(
                      local.endpoint(),
                      "iam",
                      "333333333333",
                      "wrong",
                      "Action=ListUsers&Version=2010-05-08")
                  .statusCode())
          .isEqualTo(403);
      assertThat(state.accounts().find(Partition.AWS, "333333333333")).isNull();
    }
  }

  @Test
  void aDataDirectoryReplaysEveryAccountAndCrossAccountSessions() throws Exception {
    String devKey;
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      String trust =
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
              + DEV
              + "\"},\"Action\":\"sts:AssumeRole\"}]}";
      ok(
          iam(
              local,
              "us-east-1",
              PROD,
              "Action=CreateRole&Version=2010-05-08&RoleName=deployer&AssumeRolePolicyDocument="
                  + enc(trust)));
      ok(iam(local, "us-east-1", DEV, "Action=CreateUser&Version=2010-05-08&UserName=ci"));
      String allow =
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}";
      ok(
          iam(
              local,
              "us-east-1",
              DEV,
              "Action=PutUserPolicy&Version=2010-05-08&UserName=ci&PolicyName=p&PolicyDocument="
                  + enc(allow)));
      String created =
          ok(iam(local, "us-east-1", DEV, "Action=CreateAccessKey&Version=2010-05-08&UserName=ci"));
      devKey = group(KEY_ID, created);
      String secret = group(SECRET, created);
      ok(
          SignedHttp.call(
              local.endpoint(),
              "us-east-1",
              "sts",
              devKey,
              secret,
              "Action=AssumeRole&Version=2011-06-15&RoleArn="
                  + enc("arn:aws:iam::" + PROD + ":role/deployer")
                  + "&RoleSessionName=run1"));
      assertThat(Sessions.of(local.server().state().accounts().find(Partition.AWS, PROD)).size())
          .isEqualTo(1);
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(local.server().durability().divergedEntries()).isZero();
      IamLocalState state = local.server().state();
      AccountState prod = state.accounts().find(Partition.AWS, PROD);
      AccountState dev = state.accounts().find(Partition.AWS, DEV);
      assertThat(prod.roles().get("deployer")).isNotNull();
      assertThat(Sessions.of(prod).size()).isEqualTo(1);
      assertThat(state.accounts().ownerOfKey(devKey)).isSameAs(dev);
      assertThat(state.account().roles().get("deployer")).isNull();
    }
  }

  private static HttpResponse<String> iam(
      IamLocal local, String region, String accessKeyId, String form) {
    return SignedHttp.call(local.endpoint(), region, "iam", accessKeyId, "test", form);
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
