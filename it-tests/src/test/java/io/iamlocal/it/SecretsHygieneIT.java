package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ServiceSpecificCredential;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Secrets never reach the logs or error messages: a server started with {@code --log-level debug}
 * issues every kind of secret IAMLocal has (access keys, console passwords, virtual MFA seeds,
 * service-specific passwords, STS session credentials), then is made to fail in the ways that
 * involve them (wrong signatures, tampered session tokens, password policy violations, wrong old
 * passwords, wrong MFA codes, oversized passwords); neither its whole output nor any error message
 * a client received contains any of those secrets, nor the wrong ones the client sent.
 */
class SecretsHygieneIT {
  private static final String ACCOUNT = "123456789012";
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final List<String> errorMessages = new ArrayList<>();

  @Test
  void noSecretInLogsOrErrors() throws Exception {
    IamLocalProcess server = IamLocalProcess.startCapturing("--log-level", "debug");
    try {
      runScenario(server.endpoint());
    } finally {
      server.stop();
    }
    List<String> output = awaitOutput(server);
    assertThat(String.join("\n", output))
        .as("the request log ran at debug level")
        .contains("action=iam:CreateAccessKey")
        .contains("SignatureDoesNotMatch");
    assertThat(secrets).hasSizeGreaterThan(12);
    secrets.forEach(
        (what, secret) -> {
          assertThat(secret).as(what).hasSizeGreaterThanOrEqualTo(6);
          for (String line : output) {
            assertThat(line).as("process output line leaking " + what).doesNotContain(secret);
            if (secret.length() >= 24) {
              assertThat(line)
                  .as("process output line leaking the start of " + what)
                  .doesNotContain(secret.substring(0, 16));
            }
          }
          for (String message : errorMessages) {
            assertThat(message).as("error message leaking " + what).doesNotContain(secret);
          }
        });
  }

  private void runScenario(URI endpoint) {
    try (IamClient root = Clients.iam(endpoint, Clients.root())) {
      root.createUser(r -> r.userName("alice"));
      root.putUserPolicy(
          r ->
              r.userName("alice")
                  .policyName("self")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sts:*\",\"iam:ChangePassword\","
                          + "\"iam:GetUser\",\"iam:ListUsers\"],\"Resource\":\"*\"}]}"));
      AccessKey key = root.createAccessKey(r -> r.userName("alice")).accessKey();
      secrets.put("secret access key", key.secretAccessKey());
      AwsBasicCredentials alice =
          AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());

      String password1 = "Correct-Horse-Battery-Staple-1";
      String password2 = "Second-Console-Password-2222";
      secrets.put("console password", password1);
      secrets.put("updated console password", password2);
      root.createLoginProfile(r -> r.userName("alice").password(password1));
      root.updateLoginProfile(r -> r.userName("alice").password(password2));

      VirtualMFADevice mfa =
          root.createVirtualMFADevice(r -> r.virtualMFADeviceName("alice-phone"))
              .virtualMFADevice();
      secrets.put("virtual MFA seed", mfa.base32StringSeed().asString(StandardCharsets.US_ASCII));
      expectError(
          () ->
              root.enableMFADevice(
                  r ->
                      r.userName("alice")
                          .serialNumber(mfa.serialNumber())
                          .authenticationCode1("123456")
                          .authenticationCode2("654321")));

      ServiceSpecificCredential ssc =
          root.createServiceSpecificCredential(
                  r -> r.userName("alice").serviceName("codecommit.amazonaws.com"))
              .serviceSpecificCredential();
      secrets.put("service-specific password", ssc.servicePassword());
      secrets.put(
          "reset service-specific password",
          root.resetServiceSpecificCredential(
                  r ->
                      r.userName("alice")
                          .serviceSpecificCredentialId(ssc.serviceSpecificCredentialId()))
              .serviceSpecificCredential()
              .servicePassword());

      root.createRole(
          r ->
              r.roleName("app")
                  .assumeRolePolicyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                          + ACCOUNT
                          + ":user/alice\"},\"Action\":\"sts:AssumeRole\"}]}"));

      try (StsClient sts = Clients.sts(endpoint, alice)) {
        Credentials session = sts.getSessionToken().credentials();
        keep("GetSessionToken", session);
        keep(
            "AssumeRole",
            sts.assumeRole(
                    r ->
                        r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/app")
                            .roleSessionName("session-1"))
                .credentials());
        keep("GetFederationToken", sts.getFederationToken(r -> r.name("fed")).credentials());

        // A tampered session token is refused without echoing either token.
        String tampered =
            session.sessionToken().substring(0, session.sessionToken().length() - 8) + "AAAAAAAA";
        secrets.put("tampered session token", tampered);
        try (StsClient bad =
            Clients.sts(
                endpoint,
                AwsSessionCredentials.create(
                    session.accessKeyId(), session.secretAccessKey(), tampered))) {
          expectError(bad::getCallerIdentity);
        }
      }

      // A wrong secret for a real key: SignatureDoesNotMatch, and neither secret in sight.
      String wrongSecret = "WrongSecretKeyWrongSecretKeyWrongSecret0";
      secrets.put("wrong secret key", wrongSecret);
      try (IamClient wrong =
          Clients.iam(endpoint, AwsBasicCredentials.create(key.accessKeyId(), wrongSecret))) {
        expectError(wrong::listUsers);
      }

      // Password rules: a violation, a wrong old password, an oversized one.
      root.updateAccountPasswordPolicy(
          r -> r.minimumPasswordLength(24).requireSymbols(true).allowUsersToChangePassword(true));
      String tooShort = "Short-But-Secret-9";
      secrets.put("rejected short password", tooShort);
      root.createUser(r -> r.userName("bob"));
      expectError(() -> root.createLoginProfile(r -> r.userName("bob").password(tooShort)));
      String oversized = "Oversized-Password-".repeat(8);
      secrets.put("rejected oversized password", oversized);
      expectError(() -> root.createLoginProfile(r -> r.userName("bob").password(oversized)));
      try (IamClient asAlice = Clients.iam(endpoint, alice)) {
        String wrongOld = "Not-The-Old-Password-At-All-77";
        String next = "Third-Console-Password-33333!";
        secrets.put("wrong old password", wrongOld);
        secrets.put("new password", next);
        expectError(() -> asAlice.changePassword(r -> r.oldPassword(wrongOld).newPassword(next)));
        asAlice.changePassword(r -> r.oldPassword(password2).newPassword(next));
      }
    }
  }

  private void keep(String where, Credentials credentials) {
    secrets.put(where + " secret access key", credentials.secretAccessKey());
    secrets.put(where + " session token", credentials.sessionToken());
  }

  private void expectError(Supplier<?> call) {
    try {
      call.get();
      throw new AssertionError("the call was expected to fail");
    } catch (AwsServiceException e) {
      errorMessages.add(e.getMessage());
      if (e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null) {
        e.awsErrorDetails().sdkHttpResponse().statusText().ifPresent(errorMessages::add);
      }
    }
  }

  /** The process output once it has exited and its output is drained. */
  private static List<String> awaitOutput(IamLocalProcess server) throws InterruptedException {
    server.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    List<String> last = server.output();
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      Thread.sleep(200);
      List<String> now = server.output();
      if (now.size() == last.size()) {
        return now;
      }
      last = now;
    }
    return last;
  }
}
