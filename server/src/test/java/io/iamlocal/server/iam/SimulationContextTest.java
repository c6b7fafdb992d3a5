package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulationContextTest {

  private static Params entry(String name, String type, String... values) {
    return new Params(
        Map.of(
            "ContextKeyName",
            name,
            "ContextKeyType",
            type,
            "ContextKeyValues",
            List.of((Object[]) values)));
  }

  @ParameterizedTest(name = "{0} {1} is valid: {2}")
  @CsvSource({
    "string, anything, true",
    "numeric, -12.5, true",
    "numeric, ten, false",
    "boolean, TRUE, true",
    "boolean, yes, false",
    "ip, 203.0.113.7, true",
    "ip, 10.0.0.0/8, true",
    "ip, 2001:db8::1, true",
    "ip, 256.1.1.1, false",
    "ip, example.com, false",
    "binary, QmluYXJ5, true",
    "binary, not base64!, false",
    "date, 2024-06-01T12:00:00Z, true",
    "date, 2024-06-01, true",
    "date, 1717243200, true",
    "date, yesterday, false",
    "dateList, 2024-06-01, true",
    "numericList, x, false",
  })
  void valuesMustFitTheirType(String type, String value, boolean valid) {
    Params e = entry("svc:key", type, value);
    if (valid) {
      assertThat(SimulationContext.parse(List.of(e))).containsEntry("svc:key", List.of(value));
    } else {
      assertThatThrownBy(() -> SimulationContext.parse(List.of(e)))
          .isInstanceOf(AwsServiceException.class)
          .hasMessage("Invalid value " + value + " for context key svc:key of type " + type + ".");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"stringList", "ipList"})
  void listTypesKeepEveryValueAndRepeatedKeysAccumulate(String type) {
    String value = type.equals("ipList") ? "10.0.0.1" : "a";
    assertThat(
            SimulationContext.parse(
                List.of(entry("svc:k", type, value, value), entry("svc:k", type, value))))
        .containsExactly(Map.entry("svc:k", List.of(value, value, value)));
  }
}
