package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Sessions;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The enforcement mode is decided per call and journalled with it: calls made under any {@code
 * --enforce} mode replay identically after a restart under the default (strict) mode, so every
 * acknowledged session and entity is there again.
 */
class SettingsTravelWithCallsTest {
  private static final Pattern KEY_ID = Pattern.compile("<AccessKeyId>([A-Z0-9]+)</AccessKeyId>");
  private static final Pattern SECRET =
      Pattern.compile("<SecretAccessKey>([^<]+)</SecretAccessKey>");
  private static final String TRUST_ALICE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:user/alice\"},\"Action\":\"sts:AssumeRole\"}]}";
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(EnforcementMode.class)
  void everySessionAndEntityAcknowledgedUnderAModeSurvivesARestartUnderStrict(
      EnforcementMode mode) {
    List<String> sessions = new ArrayList<>();
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).enforcement(mode).start()) {
      ok(call(local, "test", "test", "Action=CreateUser&Version=2010-05-08&UserName=alice"));
      String[] alice =
          key(
              ok(
                  call(
                      local,
                      "test",
                      "test",
                      "Action=CreateAccessKey&Version=2010-05-08&UserName=alice")));
      ok(
          call(
              local,
              "test",
              "test",
              "Action=CreateRole&Version=2010-05-08&RoleName=app&AssumeRolePolicyDocument="
                  + URLEncoder.encode(TRUST_ALICE, StandardCharsets.UTF_8)));
      // Allowed by the trust policy in every mode.
      sessions.add(
          key(
              ok(
                  call(
                      local,
                      alice[0],
                      alice[1],
                      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/app&RoleSessionName=s1")))[
              0]);
      if (mode != EnforcementMode.STRICT) {
        // Alice has no identity policy: strict refuses this; soft logs it and lets it through; off
        // never asks.
        ok(
            call(
                local,
                alice[0],
                alice[1],
                "Action=CreateUser&Version=2010-05-08&UserName=made-by-alice"));
      }
      if (mode == EnforcementMode.OFF) {
        // Root may not assume roles when policies are enforced; with enforcement off it may.
        sessions.add(
            key(
                ok(
                    call(
                        local,
                        "test",
                        "test",
                        "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/app&RoleSessionName=root")))[
                0]);
      }
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(local.server().durability().divergedEntries())
          .as("entries that replayed differently")
          .isZero();
      AccountState account = local.server().state().account();
      assertThat(account.users().get("alice")).isNotNull();
      assertThat(account.users().get("made-by-alice") != null)
          .isEqualTo(mode != EnforcementMode.STRICT);
      for (String session : sessions) {
        assertThat(Sessions.of(account).get(session)).as("session " + session).isNotNull();
      }
    }
  }

  private static HttpResponse<String> call(
      IamLocal local, String keyId, String secret, String form) {
    return SignedHttp.call(
        local.endpoint(), form.contains("2011-06-15") ? "sts" : "iam", keyId, secret, form);
  }

  private static String ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String[] key(String xml) {
    Matcher id = KEY_ID.matcher(xml);
    Matcher secret = SECRET.matcher(xml);
    assertThat(id.find() && secret.find()).as(xml).isTrue();
    return new String[] {id.group(1), secret.group(1)};
  }
}
