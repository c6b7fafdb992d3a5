package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A user's caller is made once per key and made again when the user's ARN changes. */
class CallerTest {
  private final User alice =
      new User(
          Partition.AWS,
          "123456789012",
          "alice",
          "/team/",
          "AIDAALICE",
          Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void aUsersRepeatedSignaturesShareOneCaller() {
    Caller first = Caller.user(alice, "AKIAALICE1");
    assertThat(first.arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alice");
    assertThat(first.kind()).isEqualTo(Caller.Kind.USER);
    assertThat(Caller.user(alice, new String("AKIAALICE1"))).isSameAs(first);
  }

  @Test
  void anotherKeyMakesACallerNamingThatKey() {
    Caller first = Caller.user(alice, "AKIAALICE1");
    Caller second = Caller.user(alice, "AKIAALICE2");
    assertThat(second).isNotSameAs(first);
    assertThat(second.accessKeyId()).isEqualTo("AKIAALICE2");
    assertThat(second.arn()).isEqualTo(first.arn());
  }

  @Test
  void aRenamedOrMovedUserSignsWithItsNewArn() {
    Caller before = Caller.user(alice, "AKIAALICE1");
    alice.rename("alicia");
    Caller renamed = Caller.user(alice, "AKIAALICE1");
    assertThat(renamed).isNotSameAs(before);
    assertThat(renamed.arn()).isEqualTo("arn:aws:iam::123456789012:user/team/alicia");
    alice.setPath("/ops/");
    assertThat(Caller.user(alice, "AKIAALICE1").arn())
        .isEqualTo("arn:aws:iam::123456789012:user/ops/alicia");
  }
}
