package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matchesOnlyTheHashedPassword() {
    PasswordHash hash = PasswordHash.of("Correct-Horse-9");
    assertThat(hash.matches("Correct-Horse-9")).isTrue();
    assertThat(hash.matches("correct-horse-9")).isFalse();
    assertThat(hash.matches("")).isFalse();
  }

  @Test
  void isSaltedPbkdf2AndNeverContainsThePassword() {
    PasswordHash a = PasswordHash.of("Same-Password-1");
    PasswordHash b = PasswordHash.of("Same-Password-1");
    assertThat(a.encoded())
        .startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$")
        .doesNotContain("Same-Password-1");
    assertThat(a.encoded()).isNotEqualTo(b.encoded());
    assertThat(a.toString()).doesNotContain(a.encoded());
  }

  @Test
  void encodedFormRoundTrips() {
    PasswordHash stored = PasswordHash.parse(PasswordHash.of("Round-Trip-42").encoded());
    assertThat(stored.matches("Round-Trip-42")).isTrue();
  }
}
