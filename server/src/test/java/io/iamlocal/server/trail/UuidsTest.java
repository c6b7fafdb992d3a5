package io.iamlocal.server.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {
  @Test
  void aRandomUuidIsCanonicalVersionFourAndRemembersItsNumbers() {
    String id = Uuids.random();
    assertThat(Uuids.isLowerCase(id)).isTrue();
    UUID parsed = UUID.fromString(id);
    assertThat(parsed.version()).isEqualTo(4);
    assertThat(parsed.variant()).isEqualTo(2);
    Uuids.Made made = Uuids.lastMadeAs(id);
    assertThat(made).isNotNull();
    assertThat(made.high).isEqualTo(parsed.getMostSignificantBits()).isEqualTo(Uuids.high(id));
    assertThat(made.low).isEqualTo(parsed.getLeastSignificantBits()).isEqualTo(Uuids.low(id));
  }

  @Test
  void onlyTheVeryStringLastMadeOnTheThreadIsRemembered() {
    String first = Uuids.random();
    assertThat(Uuids.lastMadeAs(new String(first))).isNull(); // equal text, another string
    Uuids.random();
    assertThat(Uuids.lastMadeAs(first)).isNull();
  }
}
