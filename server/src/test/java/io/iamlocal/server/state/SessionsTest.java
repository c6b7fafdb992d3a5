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

  private static Sessions newStore() {
    return Sessions.of(
        new AccountState("123456789012", java.time.Clock.systemUTC(), new IdGenerator()));
  }

  @Test
  void keyIdsThatEncodeTheAccountAreTheirRandomBits() {
    IdGenerator ids = new IdGenerator();
    long account = 123456789012L;
    for (int i = 0; i < 1_000; i++) {
      String id = ids.accessKeyId(IdPrefix.ASIA, "123456789012");
      long bits = IdGenerator.randomBitsOf(id, IdPrefix.ASIA, account);
      assertThat(bits).isBetween(0L, (1L << 39) - 1);
      assertThat(IdGenerator.accessKeyIdOf(IdPrefix.ASIA, account, bits)).isEqualTo(id);
      assertThat(IdGenerator.accountEncodedIn(id)).isEqualTo(account);
      // Another account, prefix, case or length is not this account's ID.
      assertThat(IdGenerator.randomBitsOf(id, IdPrefix.ASIA, account + 1)).isEqualTo(-1);
      assertThat(IdGenerator.randomBitsOf(id, IdPrefix.AKIA, account)).isEqualTo(-1);
      assertThat(
              IdGenerator.randomBitsOf(
                  id.toLowerCase(java.util.Locale.ROOT), IdPrefix.ASIA, account))
          .isEqualTo(-1);
      assertThat(IdGenerator.randomBitsOf(id + "A", IdPrefix.ASIA, account)).isEqualTo(-1);
    }
    assertThat(IdGenerator.randomBitsOf("ASIALONG", IdPrefix.ASIA, account)).isEqualTo(-1);
    assertThat(IdGenerator.randomBitsOf(null, IdPrefix.ASIA, account)).isEqualTo(-1);
    assertThat(IdGenerator.randomBitsOf("ASIA00000000000000000", IdPrefix.ASIA, account))
        .isEqualTo(-1);
  }

  @Test
  void aSessionKeepsNeitherItsSecretNorItsTokenAndTheTokenDoesNotRevealTheSecret() {
    byte[] seed = new byte[16];
    seed[3] = 9;
    Session session =
        Session.builder(Session.Kind.ASSUMED_ROLE, Partition.AWS, "123456789012")
            .credentials(new IdGenerator().accessKeyId(IdPrefix.ASIA, "123456789012"), null, seed)
            .validity(T0, T0.plusSeconds(3600))
            .build();
    String secret = session.secretAccessKey();
    assertThat(secret).hasSize(40).matches("[A-Za-z0-9+/]{40}");
    assertThat(session.sessionToken()).startsWith("IQoJb3JpZ2luX2Vj").hasSize(16 + 480);
    assertThat(session.secretAccessKey()).isEqualTo(secret);
    byte[] token = java.util.Base64.getDecoder().decode(session.sessionToken().substring(16));
    assertThat(java.util.Arrays.copyOf(token, 16)).isNotEqualTo(seed);
    assertThat(session.sessionToken()).doesNotContain(secret);
    byte[] other = seed.clone();
    other[15] = 1;
    assertThat(Sessions.secretAccessKey(other)).isNotEqualTo(secret);
    assertThat(session.issuedAt()).isEqualTo(T0);
    assertThat(session.expiration()).isEqualTo(T0.plusSeconds(3600));
    assertThat(session.tags()).isEmpty();
    assertThat(session.policyArns()).isEmpty();
    assertThat(session.transitiveTagKeys()).isEmpty();
    assertThat(session.hasSessionPolicies()).isFalse();
  }

  @Test
  void aSecretRecordedByAnOlderVersionIsKeptAsIs() {
    Session session = session("ASIAOLDFORMAT", T0, Duration.ofHours(1));
    assertThat(session.secretAccessKey()).isEqualTo("secret");
    assertThat(session.accessKeyId()).isEqualTo("ASIAOLDFORMAT");
    assertThat(session.sessionToken()).isEqualTo(Sessions.sessionToken(new byte[32]));
  }

  @Test
  void aReplayedJournalOfAnOlderVersionGivesItsRecordedSecretBack() {
    IdGenerator ids = new IdGenerator(true);
    Tape previous =
        Tape.install(Tape.playback(java.util.List.of("ASIAKEY", "recordedsecret", new byte[32])));
    try {
      assertThat(ids.randomChars("AB".toCharArray(), 16)).isEqualTo("ASIAKEY");
      assertThat(ids.recordedSecretAccessKey()).isEqualTo("recordedsecret");
      assertThat(ids.randomBytes(16)).hasSize(32);
      assertThat(Tape.current().matched()).isTrue();
    } finally {
      Tape.uninstall(previous);
    }
    // Recording (and replaying what it recorded) draws no secret.
    Tape recording = Tape.recording();
    previous = Tape.install(recording);
    try {
      assertThat(ids.recordedSecretAccessKey()).isNull();
      ids.randomBytes(16);
      assertThat(recording.values()).hasSize(1);
    } finally {
      Tape.uninstall(previous);
    }
    previous = Tape.install(Tape.playback(recording.values()));
    try {
      assertThat(ids.recordedSecretAccessKey()).isNull();
      ids.randomBytes(16);
      assertThat(Tape.current().matched()).isTrue();
    } finally {
      Tape.uninstall(previous);
    }
  }

  @Test
  void theStoreFindsSessionsByEitherFormOfKeyIdAndForgetsThemInExpirationOrder() {
    Sessions sessions = newStore();
    IdGenerator ids = new IdGenerator();
    java.util.List<Session> issued = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Session s =
          Session.builder(Session.Kind.SESSION_TOKEN, Partition.AWS, "123456789012")
              .credentials(ids.accessKeyId(IdPrefix.ASIA, "123456789012"), null, new byte[16])
              .validity(T0.plusSeconds(i), T0.plusSeconds(i + 7_200))
              .build();
      sessions.add(s);
      issued.add(s);
    }
    sessions.add(session("ASIAODD", T0.plusSeconds(10), Duration.ofMinutes(15)));
    assertThat(sessions.size()).isEqualTo(5_001);
    for (Session s : issued) {
      assertThat(sessions.get(s.accessKeyId())).isSameAs(s);
    }
    assertThat(sessions.get("ASIAODD")).isNotNull();
    assertThat(sessions.get(issued.get(0).accessKeyId().toLowerCase(java.util.Locale.ROOT)))
        .isNull();
    assertThat(sessions.snapshot()).hasSize(5_001);
    // An issue at 10,600 s drops what expired before 9,700 s: the first 2,500 and the odd one.
    sessions.add(session("ASIALATER", T0.plusSeconds(10_600), Duration.ofMinutes(15)));
    for (int i = 0; i < issued.size(); i++) {
      assertThat(sessions.get(issued.get(i).accessKeyId()))
          .isEqualTo(i < 2_500 ? null : issued.get(i));
    }
    assertThat(sessions.get("ASIAODD")).isNull();
    assertThat(sessions.get("ASIALATER")).isNotNull();
    assertThat(sessions.size()).isEqualTo(2_501);
    assertThat(sessions.snapshot()).hasSize(2_501);
  }

  @Test
  void aRepeatedSessionNameIsOneString() {
    Sessions sessions = newStore();
    String first = sessions.recurringName(new String("bench"));
    assertThat(sessions.recurringName(new String("bench"))).isSameAs(first);
    assertThat(sessions.recurringName("other")).isEqualTo("other");
    assertThat(sessions.recurringName(null)).isNull();
  }

  @Test
  void namesUsedInTurnAreSharedToo() {
    Sessions sessions = newStore();
    String[] names = {"worker-1", "worker-2", "worker-3"};
    String[] first = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      first[i] = sessions.recurringName(new String(names[i]));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < names.length; i++) {
        assertThat(sessions.recurringName(new String(names[i]))).isSameAs(first[i]);
      }
    }
  }
}
