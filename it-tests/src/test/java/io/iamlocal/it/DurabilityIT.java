package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * {@code --data-dir}: every acknowledged write survives {@code kill -9} and restarts, with the same
 * IDs, secrets and dates; a reset survives too; a damaged or newer store refuses to start.
 */
class DurabilityIT {
  private static final int ROUNDS = 5;
  private static final int WRITERS = 4;
  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  @TempDir Path tmp;

  /** What the server acknowledged about one user. */
  private static final class Ack {
    volatile String userId;
    volatile AccessKey key;
    volatile String tag;
  }

  @Test
  void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
    Path data = tmp.resolve("data");
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Map<String, Ack> acked = new ConcurrentHashMap<>();
    List<String> previousRound = List.of();
    for (int round = 0; round < ROUNDS; round++) {
      IamLocalProcess server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
      try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
        verifyAll(iam, acked, previousRound, server, "round " + round + " (seed " + seed + ")");
        List<String> names = new ArrayList<>();
        writeUntilKilled(server, round, acked, names, 300 + random.nextInt(1200));
        previousRound = names;
      } finally {
        server.stop();
      }
    }
    IamLocalProcess server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      verifyAll(iam, acked, previousRound, server, "final (seed " + seed + ")");
      assertThat(acked).as("writes acknowledged over all rounds").hasSizeGreaterThan(ROUNDS);
      System.out.println(
          "DurabilityIT: "
              + acked.size()
              + " acknowledged users over "
              + ROUNDS
              + " kill -9 rounds, all present");
    } finally {
      server.stop();
    }
  }

  /** Several clients create users, keys and tags until the server is SIGKILLed under them. */
  private static void writeUntilKilled(
      IamLocalProcess server,
      int round,
      Map<String, Ack> acked,
      List<String> names,
      int killAfterMillis)
      throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    CountDownLatch started = new CountDownLatch(WRITERS);
    List<Thread> writers = new ArrayList<>();
    List<String> roundNames = java.util.Collections.synchronizedList(names);
    for (int t = 0; t < WRITERS; t++) {
      int writer = t;
      Thread thread =
          new Thread(
              () -> {
                started.countDown();
                try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
                  for (int i = 0; !killed.get() || i == 0; i++) {
                    String name = "r" + round + "-w" + writer + "-" + i;
                    User user = iam.createUser(r -> r.userName(name)).user();
                    Ack ack = new Ack();
                    ack.userId = user.userId();
                    acked.put(name, ack);
                    roundNames.add(name);
                    ack.key = iam.createAccessKey(r -> r.userName(name)).accessKey();
                    iam.tagUser(
                        r ->
                            r.userName(name)
                                .tags(Tag.builder().key("round").value("v" + round).build()));
                    ack.tag = "v" + round;
                  }
                } catch (RuntimeException expected) {
                  // The server died mid-call: that write was not acknowledged.
                }
              });
      writers.add(thread);
      thread.start();
    }
    started.await();
    Thread.sleep(killAfterMillis);
    killed.set(true);
    DataDirProcesses.killMinus9(server);
    for (Thread thread : writers) {
      thread.join(30_000);
    }
  }

  /**
   * Every acknowledged user is there with the same ID; the last round's keys and tags are too, and
   * keys still sign.
   */
  private static void verifyAll(
      IamClient iam,
      Map<String, Ack> acked,
      List<String> lastRound,
      IamLocalProcess server,
      String when) {
    Map<String, String> ids =
        iam.listUsersPaginator(r -> r.maxItems(1000)).users().stream()
            .collect(Collectors.toMap(User::userName, User::userId));
    for (Map.Entry<String, Ack> e : acked.entrySet()) {
      assertThat(ids)
          .as(when + ": acknowledged user " + e.getKey())
          .containsEntry(e.getKey(), e.getValue().userId);
    }
    int signed = 0;
    for (String name : lastRound) {
      Ack ack = acked.get(name);
      AccessKey key = ack.key;
      if (key != null) {
        List<String> keyIds =
            iam.listAccessKeys(r -> r.userName(name)).accessKeyMetadata().stream()
                .map(AccessKeyMetadata::accessKeyId)
                .toList();
        assertThat(keyIds).as(when + ": acknowledged key of " + name).contains(key.accessKeyId());
        if (signed++ < 3) {
          try (StsClient asUser =
              Clients.sts(
                  server.endpoint(),
                  AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
            assertThat(asUser.getCallerIdentity().arn()).endsWith(":user/" + name);
          }
        }
      }
      if (ack.tag != null) {
        assertThat(iam.listUserTags(r -> r.userName(name)).tags())
            .as(when + ": acknowledged tag of " + name)
            .contains(Tag.builder().key("round").value(ack.tag).build());
      }
    }
  }

  @Test
  void cleanRestartKeepsUsersRolesAndTemporaryCredentialsAndResetSurvivesToo() throws Exception {
    Path data = tmp.resolve("data");
    IamLocalProcess server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
    User alice;
    AccessKey key;
    Credentials assumed;
    Credentials sessionToken;
    String roleId;
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      alice = iam.createUser(r -> r.userName("alice").path("/team/")).user();
      key = iam.createAccessKey(r -> r.userName("alice")).accessKey();
      iam.putUserPolicy(r -> r.userName("alice").policyName("all").policyDocument(ALLOW_ALL));
      iam.createGroup(r -> r.groupName("devs"));
      iam.addUserToGroup(r -> r.groupName("devs").userName("alice"));
      roleId =
          iam.createRole(
                  r ->
                      r.roleName("app")
                          .assumeRolePolicyDocument(
                              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
                                  + "\"Action\":\"sts:AssumeRole\"}]}"))
              .role()
              .roleId();
      try (StsClient asAlice =
          Clients.sts(
              server.endpoint(),
              AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        assumed =
            asAlice
                .assumeRole(
                    r -> r.roleArn("arn:aws:iam::123456789012:role/app").roleSessionName("s1"))
                .credentials();
        sessionToken = asAlice.getSessionToken().credentials();
      }
    } finally {
      server.stop();
    }

    server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      User again = iam.getUser(r -> r.userName("alice")).user();
      assertThat(again.userId()).isEqualTo(alice.userId());
      assertThat(again.arn()).isEqualTo(alice.arn());
      assertThat(again.createDate()).isEqualTo(alice.createDate());
      assertThat(iam.getRole(r -> r.roleName("app")).role().roleId()).isEqualTo(roleId);
      assertThat(iam.listGroupsForUser(r -> r.userName("alice")).groups())
          .extracting(g -> g.groupName())
          .containsExactly("devs");
      try (StsClient asAlice =
          Clients.sts(
              server.endpoint(),
              AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        assertThat(asAlice.getCallerIdentity().arn())
            .isEqualTo("arn:aws:iam::123456789012:user/team/alice");
      }
      try (StsClient asRole =
          Clients.sts(
              server.endpoint(),
              AwsSessionCredentials.create(
                  assumed.accessKeyId(), assumed.secretAccessKey(), assumed.sessionToken()))) {
        assertThat(asRole.getCallerIdentity().arn())
            .isEqualTo("arn:aws:sts::123456789012:assumed-role/app/s1");
      }
      try (StsClient asSession =
          Clients.sts(
              server.endpoint(),
              AwsSessionCredentials.create(
                  sessionToken.accessKeyId(),
                  sessionToken.secretAccessKey(),
                  sessionToken.sessionToken()))) {
        assertThat(asSession.getCallerIdentity().arn())
            .isEqualTo("arn:aws:iam::123456789012:user/team/alice");
      }
      assertThat(server.post("/moto-api/reset").statusCode()).isEqualTo(200);
      DataDirProcesses.killMinus9(server);
    } finally {
      server.stop();
    }

    server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root());
        StsClient asAlice =
            Clients.sts(
                server.endpoint(),
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
      assertThat(iam.listUsers().users()).isEmpty();
      assertThat(iam.listRoles().roles()).isEmpty();
      StsException e = catchThrowableOfType(asAlice::getCallerIdentity, StsException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    } finally {
      server.stop();
    }
  }

  @Test
  void damagedOrForeignStoresRefuseToStart() throws Exception {
    Path data = tmp.resolve("data");
    IamLocalProcess server = IamLocalProcess.start("--data-dir", data.toString(), "--quiet");
    try (IamClient iam = Clients.iam(server.endpoint(), Clients.root())) {
      for (int i = 0; i < 5; i++) {
        String name = "u" + i;
        iam.createUser(r -> r.userName(name));
      }
      // A second server on the same directory would interleave two histories.
      DataDirProcesses.Exit second =
          DataDirProcesses.runExpectingExit("--data-dir", data.toString());
      assertThat(second.code()).isNotZero();
      assertThat(second.output()).contains("is in use by another IAMLocal process");
    } finally {
      server.stop();
    }
    Path db = data.resolve("iamlocal.db");

    Path damagedEntry = copyOf(data, "entry");
    sql(damagedEntry.resolve("iamlocal.db"), "UPDATE journal SET crc = crc + 1 WHERE seq = 3");
    DataDirProcesses.Exit exit =
        DataDirProcesses.runExpectingExit("--data-dir", damagedEntry.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("is corrupted: journal entry 3 fails its checksum");

    Path missingEntry = copyOf(data, "gap");
    sql(missingEntry.resolve("iamlocal.db"), "DELETE FROM journal WHERE seq = 4");
    exit = DataDirProcesses.runExpectingExit("--data-dir", missingEntry.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("is corrupted: journal entry 4 is missing");

    Path newer = copyOf(data, "newer");
    sql(newer.resolve("iamlocal.db"), "UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    exit = DataDirProcesses.runExpectingExit("--data-dir", newer.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output())
        .contains("was written by a newer IAMLocal (schema version 99; this version reads 1)");

    exit =
        DataDirProcesses.runExpectingExit(
            "--data-dir", data.toString(), "--account-id", "210987654321");
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("holds account 123456789012, not 210987654321");

    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      file.seek(0);
      file.write("this is not a database at all, just text".getBytes(StandardCharsets.US_ASCII));
    }
    exit = DataDirProcesses.runExpectingExit("--data-dir", data.toString());
    assertThat(exit.code()).isNotZero();
    assertThat(exit.output()).contains("is corrupted or not an IAMLocal data store");
  }

  private Path copyOf(Path data, String name) throws Exception {
    Path copy = tmp.resolve(name);
    Files.createDirectories(copy);
    Files.copy(data.resolve("iamlocal.db"), copy.resolve("iamlocal.db"));
    return copy;
  }

  private static void sql(Path db, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
