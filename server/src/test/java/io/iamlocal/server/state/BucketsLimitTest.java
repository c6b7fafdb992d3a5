package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

/**
 * S3 objects live in memory, so all of them together are bounded; deleting or shrinking makes room.
 */
class BucketsLimitTest {

  @Test
  void objectsBeyondTheTotalAreRefusedAndDeletesMakeRoom() {
    Buckets buckets =
        Buckets.of(
            new AccountState("123456789012", java.time.Clock.systemUTC(), new IdGenerator()));
    buckets.create(new Buckets.Bucket("b", Instant.EPOCH, "us-east-1"));
    NavigableMap<String, Buckets.S3Object> objects = buckets.objects("b");
    assertThat(buckets.store(objects, object("a", 60), 100)).isTrue();
    assertThat(buckets.store(objects, object("b", 60), 100)).isFalse();
    assertThat(objects).containsOnlyKeys("a");
    assertThat(buckets.store(objects, object("a", 90), 100))
        .isTrue(); // replacing counts the difference
    assertThat(buckets.store(objects, object("a", 10), 100)).isTrue();
    assertThat(buckets.store(objects, object("b", 60), 100)).isTrue();
    buckets.remove(objects, "a");
    buckets.remove(objects, "b");
    assertThat(buckets.storedBytes()).isZero();
  }

  private static Buckets.S3Object object(String key, int size) {
    return new Buckets.S3Object(
        key,
        new byte[size],
        "\"etag\"",
        "application/octet-stream",
        Instant.EPOCH,
        Map.of(),
        Map.of());
  }

  @Test
  void theTotalCountsEveryAccount() {
    IamLocalState state =
        new IamLocalState("123456789012", "test", "test", java.time.Clock.systemUTC());
    Buckets mine = Buckets.of(state.account());
    Buckets theirs = Buckets.of(state.account(Partition.AWS, "111111111111"));
    mine.create(new Buckets.Bucket("mine", Instant.EPOCH, "us-east-1"));
    theirs.create(new Buckets.Bucket("theirs", Instant.EPOCH, "us-east-1"));
    assertThat(mine.store(mine.objects("mine"), object("a", 60), 100)).isTrue();
    assertThat(theirs.store(theirs.objects("theirs"), object("b", 60), 100)).isFalse();
    mine.remove(mine.objects("mine"), "a");
    assertThat(theirs.store(theirs.objects("theirs"), object("b", 60), 100)).isTrue();
    // Bucket names are global too.
    assertThat(theirs.create(new Buckets.Bucket("mine", Instant.EPOCH, "us-east-1"))).isFalse();
  }
}
