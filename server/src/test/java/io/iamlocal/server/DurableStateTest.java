package io.iamlocal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.server.durable.DataStoreException;
import io.iamlocal.server.durable.Durability;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.Partition;
import io.iamlocal.server.state.User;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server with a data directory: state replays identically, and resets are journalled.
 */
class DurableStateTest {
  @TempDir Path dir;

  @Test
  void replayRebuildsIdsSecretsAndDates() throws Exception {
    String userId;
    Instant created;
    String keyId;
    String secret;
    Instant accountCreated;
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(call(local, "Action=CreateUser&Version=2010-05-08&UserName=alice").statusCode())
          .isEqualTo(200);
      assertThat(
              call(local, "Action=CreateAccessKey&Version=2010-05-08&UserName=alice").statusCode())
          .isEqualTo(200);
      // A failed write changes nothing and is not journalled.
      assertThat(call(local, "Action=CreateUser&Version=2010-05-08&UserName=alice").statusCode())
          .isEqualTo(409);
      User alice = local.server().state().account().users().get("alice");
      userId = alice.userId();
      created = alice.createDate();
      keyId = alice.accessKeys().get(0).accessKeyId();
      secret = alice.accessKeys().get(0).secretAccessKey();
      accountCreated = local.server().state().account().createDate();
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      Durability durability = local.server().durability();
      assertThat(durability.replayedEntries()).isEqualTo(3);
      assertThat(durability.divergedEntries()).isZero();
      User alice = local.server().state().account().users().get("alice");
      assertThat(alice.userId()).isEqualTo(userId);
      assertThat(alice.createDate()).isEqualTo(created);
      AccessKey key = local.server().state().account().accessKeys().get(keyId);
      assertThat(key.secretAccessKey()).isEqualTo(secret);
      assertThat(key.owner()).isSameAs(alice);
      assertThat(local.server().state().account().createDate()).isEqualTo(accountCreated);
      local.reset();
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(local.server().durability().replayedEntries()).isEqualTo(1);
      assertThat(local.server().state().account().users().size()).isZero();
    }
  }

  @Test
  void writesReplayInThePartitionTheyWereMadeIn() throws Exception {
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(
              SignedHttp.call(
                      local.endpoint(),
                      "cn-north-1",
                      "iam",
                      "test",
                      "test",
                      "Action=CreateUser&Version=2010-05-08&UserName=li")
                  .statusCode())
          .isEqualTo(200);
    }
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThat(local.server().durability().replayedEntries()).isEqualTo(2);
      assertThat(local.server().durability().divergedEntries()).isZero();
      assertThat(local.server().state().defaultAccount(Partition.AWS_CN).users().get("li").arn())
          .isEqualTo("arn:aws-cn:iam::123456789012:user/li");
      assertThat(local.server().state().account().users().contains("li")).isFalse();
    }
  }

  @Test
  void aSecondServerOnTheSameDirectoryIsRefused() {
    try (IamLocal local = IamLocal.builder().port(0).dataDir(dir).start()) {
      assertThatThrownBy(() -> IamLocal.builder().port(0).dataDir(dir).start())
          .isInstanceOf(DataStoreException.class)
          .hasMessageContaining("in use by another IAMLocal process");
    }
  }

  private static HttpResponse<String> call(IamLocal local, String form) throws Exception {
    return SignedHttp.call(local.endpoint(), "iam", "test", "test", form);
  }
}
