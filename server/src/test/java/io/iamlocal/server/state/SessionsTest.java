package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Session session(String id, Instant issued, Duration lifetime) {
    return Session.builder(Session.Kind.SESSION_TOKEN, Partition.AWS, "123456789012")
        .credentials(id, "secret", new byte[32])
        .validity(issued, issued.plus(lifetime))
        .build();
  }

  @Test
  void sessionTokensAreDerivedFromTheirSeedLikeAwsTokens() {
    byte[] seed = new byte[32];
    seed[0] = 1;
    String token = Sessions.sessionToken(seed);
    assertThat(token)
        .startsWith("IQoJb3JpZ2luX2Vj")
        .hasSize(16 + 480)
        .isEqualTo(Sessions.sessionToken(seed.clone()));
    byte[] other = seed.clone();
    other[31] = 1;
    assertThat(Sessions.sessionToken(other)).isNotEqualTo(token);
    // The derived part is not the seed repeated or zero-filled.
    byte[] raw = java.util.Base64.getDecoder().decode(token.substring(16));
    assertThat(java.util.Arrays.copyOfRange(raw, 32, 64))
        .isNotEqualTo(new byte[32])
        .isNotEqualTo(seed);
  }

  @Test
  void aStoreFromBeforeSeedsReplaysWholeTokens() {
    byte[] whole = new byte[360];
    whole[359] = 7;
    assertThat(Sessions.sessionToken(whole))
        .isEqualTo("IQoJb3JpZ2luX2Vj" + java.util.Base64.getEncoder().encodeToString(whole));
  }

  @Test
  void issuingDropsSessionsExpiredLongerThanTheGraceInExpirationOrder() {
    Sessions sessions =
        Sessions.of(
            new AccountState("123456789012", java.time.Clock.systemUTC(), new IdGenerator()));
    sessions.add(session("ASIALONG", T0, Duration.ofHours(12)));
    sessions.add(session("ASIASHORT", T0, Duration.ofMinutes(15)));
    sessions.add(session("ASIAHOUR", T0, Duration.ofHours(1)));
    // 20 minutes after the short one expired: still kept (ExpiredToken), inside the grace.
    sessions.add(session("ASIANEW1", T0.plus(Duration.ofMinutes(20)), Duration.ofHours(2)));
    assertThat(sessions.get("ASIASHORT")).isNotNull();
    // Past its grace: gone; the others are kept.
    sessions.add(session("ASIANEW2", T0.plus(Duration.ofMinutes(31)), Duration.ofHours(2)));
    assertThat(sessions.get("ASIASHORT")).isNull();
    assertThat(sessions.get("ASIAHOUR")).isNotNull();
    assertThat(sessions.get("ASIALONG")).isNotNull();
    sessions.add(session("ASIANEW3", T0.plus(Duration.ofHours(2)), Duration.ofHours(1)));
    assertThat(sessions.get("ASIAHOUR")).isNull();
    assertThat(sessions.get("ASIANEW1")).isNotNull();
    assertThat(sessions.size()).isEqualTo(4);
  }

  @Test
  void aBurstHoldsOnlyItsLiveSessions() {
    Sessions sessions =
        Sessions.of(
            new AccountState("123456789012", java.time.Clock.systemUTC(), new IdGenerator()));
    for (int i = 0; i < 10_000; i++) {
      sessions.add(session("ASIA" + i, T0.plusSeconds(i), Duration.ofMinutes(15)));
    }
    // 15 minutes of life plus 15 of grace: the sessions issued in the last 30 minutes (1,800 s).
    assertThat(sessions.size()).isBetween(1_800, 1_802);
  }
}
