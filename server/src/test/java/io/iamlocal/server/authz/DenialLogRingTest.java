package io.iamlocal.server.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IamLocalState;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The denial log keeps at most its capacity of details, however many principals are denied. */
class DenialLogRingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void manyDistinctPrincipalsKeepOnlyTheNewestDenials() throws Exception {
    DenialLog log = filled(3, 10_000, i -> "u" + i);
    assertThat(log.keptDetails()).isEqualTo(3);
    String json = log.json();
    assertThat(JSON.readTree(json).get("denials")).hasSize(3);
    assertThat(json).contains("user/u9999").doesNotContain("user/u0\"");
  }

  @Test
  void oneBusyPrincipalKeepsItsCountBeyondTheRing() throws Exception {
    DenialLog log = filled(5, 100, i -> "busy");
    assertThat(log.keptDetails()).isEqualTo(5);
    assertThat(JSON.readTree(log.json()).get("denials").get(0).get("count").asLong())
        .isEqualTo(100);
  }

  /**
   * A log of {@code capacity} after {@code denials} denials of ListUsers for the users {@code
   * userOf} names.
   */
  private static DenialLog filled(
      int capacity, int denials, java.util.function.IntFunction<String> userOf) {
    AccountState account =
        new IamLocalState("123456789012", "test", "test", Clock.systemUTC()).account();
    DenialLog log = DenialLog.of(account);
    for (int i = 0; i < denials; i++) {
      log.keep(
          "arn:aws:iam::123456789012:user/" + userOf.apply(i),
          "iam:ListUsers",
          JSON.createObjectNode().put("n", i),
          capacity);
    }
    return log;
  }
}
