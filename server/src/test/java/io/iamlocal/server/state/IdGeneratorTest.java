package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  @Test
  void theAccountIsReadBackFromTheKeyIdsThatEncodeIt() {
    IdGenerator ids = new IdGenerator();
    for (String account : List.of("000000000000", "123456789012", "999999999999", "000000000001")) {
      String keyId = ids.accessKeyId(IdPrefix.AKIA, account);
      assertThat(IdGenerator.accountEncodedIn(keyId)).isEqualTo(Long.parseLong(account));
      assertThat(IdGenerator.accountId(IdGenerator.accountEncodedIn(keyId))).isEqualTo(account);
    }
  }

  @Test
  void readingInPlaceAgreesWithDecodingTheIdOnAnyInput() {
    Random random = new Random(20);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz234567= 0189-_/";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder id = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        id.append(
            i < 4 || random.nextInt(30) > 0
                ? alphabet.charAt(random.nextInt(32))
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String keyId = id.toString();
      assertThat(IdGenerator.accountEncodedIn(keyId))
          .as(keyId)
          .isEqualTo(keyId.length() < 14 ? -1 : IdGenerator.accountEncodedInDecoded(keyId));
    }
  }

  @Test
  void otherScriptsAreReadAsUpperCasingThemReadsThem() {
    // The dotless i upper-cases to I: the ID decodes as with an I there.
    assertThat(IdGenerator.accountEncodedIn("AKIAY34FZKBOKMUTVV7\u0131"))
        .isEqualTo(IdGenerator.accountEncodedIn("AKIAY34FZKBOKMUTVV7I"));
    assertThat(IdGenerator.accountEncodedIn("AKIAY34FZKBOKMUTVV7\u00e9")).isEqualTo(-1);
  }
}
