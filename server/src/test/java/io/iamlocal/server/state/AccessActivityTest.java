package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Access advisor bookkeeping: a principal's calls by service and action, the last access kept for a
 * minute against repeats, and a user's calls found through the user as through its ARN.
 */
class AccessActivityTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AccessActivity activity = new AccessActivity();
  private final User alice = new User(Partition.AWS, "123456789012", "alice", "/", "AIDAALICE", T0);

  @Test
  void repeatsWithinAMinuteKeepTheFirstTimeAndALaterCallMovesIt() {
    activity.record(alice, "iam", "GetUser", T0, "us-east-1");
    activity.record(alice, "iam", "GetUser", T0.plusSeconds(50), "us-east-1");
    assertThat(lastGetUser(alice.arn()).time()).isEqualTo(T0);
    // 100 s after the recorded access (and 50 s after the repeat that left it): recorded anew.
    activity.record(alice, "iam", "GetUser", T0.plusSeconds(100), "us-east-1");
    assertThat(lastGetUser(alice.arn()).time()).isEqualTo(T0.plusSeconds(100));
    activity.record(alice, "iam", "GetUser", T0.plusSeconds(110), "eu-west-1");
    assertThat(lastGetUser(alice.arn()))
        .isEqualTo(new AccessActivity.Access(T0.plusSeconds(110), "eu-west-1"));
    assertThat(activity.of(alice.arn()).get("iam").last().region()).isEqualTo("eu-west-1");
  }

  @Test
  void aUserAndItsArnShareOneRecordUntilTheUserIsRenamed() {
    activity.record(alice.arn(), "iam", "ListUsers", T0, "us-east-1");
    activity.record(alice, "iam", "GetUser", T0, "us-east-1");
    assertThat(activity.of(alice.arn()).get("iam").actions())
        .containsOnlyKeys("ListUsers", "GetUser");
    String before = alice.arn();
    alice.rename("alicia");
    activity.record(alice, "iam", "GetUser", T0.plusSeconds(1), "us-east-1");
    alice.setPath("/team/");
    activity.record(alice, "iam", "ListGroups", T0.plusSeconds(2), "us-east-1");
    assertThat(activity.of("arn:aws:iam::123456789012:user/alicia").get("iam").actions())
        .containsOnlyKeys("GetUser");
    assertThat(activity.of("arn:aws:iam::123456789012:user/team/alicia").get("iam").actions())
        .containsOnlyKeys("ListGroups");
    assertThat(lastGetUser(before).time()).isEqualTo(T0);
  }

  @Test
  void anotherServiceOrActionIsRecordedAtOnce() {
    activity.record(alice, "iam", "GetUser", T0, "us-east-1");
    activity.record(alice, "sts", "GetCallerIdentity", T0.plusSeconds(1), "us-east-1");
    activity.record(alice, "iam", "ListUsers", T0.plusSeconds(2), "us-east-1");
    assertThat(activity.of(alice.arn())).containsOnlyKeys("iam", "sts");
    assertThat(activity.of(alice.arn()).get("iam").actions())
        .containsOnlyKeys("GetUser", "ListUsers");
    assertThat(activity.of(alice.arn()).get("iam").last().time()).isEqualTo(T0.plusSeconds(2));
  }

  private AccessActivity.Access lastGetUser(String arn) {
    return activity.of(arn).get("iam").actions().get("GetUser");
  }
}
