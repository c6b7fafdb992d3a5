package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The data directory on a disk that fills up, and across {@code kill -9}: a write the store refuses
 * is refused before memory keeps it (AWS's 503 ServiceUnavailable), the health answer says so, and
 * after a restart every acknowledged write is there and no refused one is. Also: server settings
 * (here {@code --no-enforce}) replay as the call ran.
 */
class DataDirFailureIT {

  @Test
  void aFullDiskLosesNoAcknowledgedWriteAndInventsNoRefusedOneAcrossKillMinus9() throws Exception {
    Path dir = Files.createTempDirectory("iamlocal-full-disk");
    Assumptions.assumeTrue(
        run("mount", "-t", "tmpfs", "-o", "size=192k", "tmpfs", dir.toString()),
        "needs a small tmpfs (root, mount permitted) to fill a real disk");
    try {
      List<String> acknowledged = new ArrayList<>();
      List<String> refused = new ArrayList<>();
      IamLocalProcess server = IamLocalProcess.start("-q", "--data-dir", dir.toString());
      try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
        for (int i = 0; i < 2_000 && refused.size() < 5; i++) {
          String name = "user-" + i + "-" + "x".repeat(40);
          try {
            iam.createUser(
                r -> r.userName(name).tags(t -> t.key("padding").value("p".repeat(200))));
            acknowledged.add(name);
          } catch (IamException e) {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
            refused.add(name);
          }
        }
        assertThat(refused).as("the disk filled up").isNotEmpty();
        // Memory holds only what the disk holds: a refused user does not exist, and retrying it is
        // refused again.
        for (String name : refused) {
          assertThatThrownBy(() -> iam.getUser(r -> r.userName(name)))
              .isInstanceOf(NoSuchEntityException.class);
        }
        assertThat(server.get("/_iamlocal/health").statusCode()).isEqualTo(503);
        assertThat(server.get("/_iamlocal/health").body()).contains("degraded");
        assertThat(server.post("/moto-api/reset").statusCode()).isEqualTo(503);
        assertThat(iam.getUser(r -> r.userName(acknowledged.get(0))).user()).isNotNull();
      }
      DataDirProcesses.killMinus9(server);
      assertThat(run("mount", "-o", "remount,size=16m", dir.toString())).isTrue();
      IamLocalProcess restarted = IamLocalProcess.start("-q", "--data-dir", dir.toString());
      Set<String> present = new TreeSet<>();
      try (IamClient iam = Clients.iam(restarted.endpoint(), Clients.root())) {
        iam.listUsersPaginator().users().stream().map(User::userName).forEach(present::add);
      } finally {
        restarted.stop();
      }
      long lost = acknowledged.stream().filter(n -> !present.contains(n)).count();
      long invented = refused.stream().filter(present::contains).count();
      System.out.printf(
          "shared-network: full disk then kill -9: %d writes acknowledged, %d refused (503); after restart "
              + "%d acknowledged lost, %d refused present%n",
          acknowledged.size(), refused.size(), lost, invented);
      assertThat(lost).isZero();
      assertThat(invented).isZero();
    } finally {
      run("umount", "-l", dir.toString());
    }
  }

  @Test
  void aSessionMintedWithEnforcementOffSurvivesARestartInStrictMode() throws Exception {
    Path dir = Files.createTempDirectory("iamlocal-no-enforce");
    IamLocalProcess server =
        IamLocalProcess.start("-q", "--no-enforce", "--data-dir", dir.toString());
    Credentials credentials;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root());
        StsClient sts = Clients.sts(server.endpoint(), Clients.root())) {
      iam.createRole(
          r ->
              r.roleName("app")
                  .assumeRolePolicyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                          + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
      // Root may assume a role only with enforcement off.
      credentials =
          sts.assumeRole(
                  r -> r.roleArn("arn:aws:iam::123456789012:role/app").roleSessionName("root"))
              .credentials();
    }
    DataDirProcesses.killMinus9(server);
    IamLocalProcess strict = IamLocalProcess.start("-q", "--data-dir", dir.toString());
    try (StsClient sts =
        Clients.sts(
            strict.endpoint(),
            AwsSessionCredentials.create(
                credentials.accessKeyId(),
                credentials.secretAccessKey(),
                credentials.sessionToken()))) {
      assertThat(sts.getCallerIdentity().arn())
          .isEqualTo("arn:aws:sts::123456789012:assumed-role/app/root");
    } finally {
      strict.stop();
    }
  }

  private static boolean run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
