package io.iamlocal.server.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.protocol.xml.Utf8Builder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLogFormatterTest {
  private static final long T = Instant.parse("2025-01-31T09:15:02.042Z").toEpochMilli();
  private static final String ROOT = "arn:aws:iam::123456789012:root";
  private static final String ID = "c1a7b0de-59f4-4a5e-8f4e-6c0b4e7d9a11";
  private final ObjectMapper json = new ObjectMapper();

  private static RequestLogEntry entry(
      String caller, String service, String operation, int status, String error, long nanos) {
    return new RequestLogEntry(T, ID, caller, service, operation, status, error, nanos);
  }

  @Test
  void textLineHasTheFieldsInOrder() {
    String line =
        new RequestLogFormatter(LogFormat.TEXT)
            .format(entry(ROOT, "iam", "CreateUser", 200, null, 412_345));
    assertThat(line)
        .isEqualTo(
            "2025-01-31T09:15:02.042Z INFO caller="
                + ROOT
                + " action=iam:CreateUser status=200 error=- latency_ms=0.412 request_id="
                + ID);
  }

  @Test
  void textLineOfAFailure() {
    String line =
        new RequestLogFormatter(LogFormat.TEXT)
            .format(
                entry(
                    null,
                    "sts",
                    "GetCallerIdentity",
                    403,
                    "SignatureDoesNotMatch",
                    12_345_678_901L));
    assertThat(line)
        .isEqualTo(
            "2025-01-31T09:15:02.042Z INFO caller=- action=sts:GetCallerIdentity status=403"
                + " error=SignatureDoesNotMatch latency_ms=12345.678 request_id="
                + ID);
  }

  @Test
  void oneFormatterWritesEachLinesOwnAction() {
    RequestLogFormatter formatter = new RequestLogFormatter(LogFormat.TEXT);
    assertThat(formatter.format(entry(ROOT, "iam", "GetUser", 200, null, 0)))
        .contains(" action=iam:GetUser ");
    assertThat(formatter.format(entry(ROOT, "iam", "GetUser", 200, null, 0)))
        .contains(" action=iam:GetUser ");
    assertThat(formatter.format(entry(ROOT, "sts", "GetUser", 200, null, 0)))
        .contains(" action=sts:GetUser ");
    assertThat(formatter.format(entry(ROOT, "sts", null, 400, "MissingAction", 0)))
        .contains(" action=- ");
    assertThat(formatter.format(entry(ROOT, "sts", "Get User", 400, "InvalidAction", 0)))
        .contains(" action=\"sts:Get User\" ");
    assertThat(formatter.format(entry(ROOT, null, "GetUser", 200, null, 0)))
        .contains(" action=GetUser ");
  }

  @Test
  void missingActionIsADash() {
    assertThat(
            new RequestLogFormatter(LogFormat.TEXT)
                .format(entry(ROOT, "iam", null, 400, "MissingAction", 0)))
        .contains(" action=- status=400 error=MissingAction latency_ms=0.000 ");
    assertThat(
            new RequestLogFormatter(LogFormat.TEXT)
                .format(entry(ROOT, "iam", "", 400, "MissingAction", 0)))
        .contains(" action=- ");
  }

  @Test
  void textQuotesValuesThatCouldForgeFieldsOrLines() {
    RequestLogFormatter f = new RequestLogFormatter(LogFormat.TEXT);
    assertThat(f.format(entry("arn:aws:iam::123456789012:user/a=b", "iam", "X", 200, null, 0)))
        .contains("caller=\"arn:aws:iam::123456789012:user/a=b\" ");
    String forged =
        f.format(
            entry(
                ROOT,
                "iam",
                "List\n2025-01-01T00:00:00.000Z INFO caller=admin status=200",
                400,
                "InvalidAction",
                0));
    assertThat(forged)
        .doesNotContain("\n")
        .contains(
            "action=\"iam:List\\n2025-01-01T00:00:00.000Z INFO caller=admin status=200\" status=400");
    assertThat(f.format(entry(ROOT, "iam", "a\"b\\c\td\re", 400, null, 0)))
        .contains("action=\"iam:a\\\"b\\\\c\\td\\re\" ");
    assertThat(f.format(entry(ROOT, "iam", "a\u0000b\u001bc\u007fd\u0085e\u2028f", 400, null, 0)))
        .contains("action=\"iam:a\\u0000b\\u001bc\\u007fd\\u0085e\\u2028f\" ");
    assertThat(f.format(entry(ROOT, "iam", "Créer", 400, null, 0)))
        .contains("action=\"iam:Créer\" ");
  }

  @Test
  void textEscapesLoneSurrogatesButKeepsPairs() {
    String line =
        new RequestLogFormatter(LogFormat.TEXT)
            .format(entry(ROOT, "iam", "x\uD83D\uDE00y\uD800z", 400, null, 0));
    assertThat(line).contains("action=\"iam:x\uD83D\uDE00y\\ud800z\" ");
  }

  @Test
  void hostileLongActionIsCut() {
    String line =
        new RequestLogFormatter(LogFormat.TEXT)
            .format(entry(ROOT, "iam", "A".repeat(5000), 400, "InvalidAction", 0));
    assertThat(line)
        .contains("action=iam:" + "A".repeat(RequestLogFormatter.MAX_OPERATION) + "... status=400");
  }

  @Test
  void jsonLineHasTheFields() throws Exception {
    String line =
        new RequestLogFormatter(LogFormat.JSON)
            .format(entry(ROOT, "iam", "CreateUser", 200, null, 1_500_000));
    assertThat(line)
        .isEqualTo(
            "{\"time\":\"2025-01-31T09:15:02.042Z\",\"level\":\"INFO\",\"caller\":\""
                + ROOT
                + "\",\"action\":\"iam:CreateUser\",\"status\":200,\"error\":null,\"latency_ms\":1.500,\"request_id\":\""
                + ID
                + "\"}");
    JsonNode node = json.readTree(line);
    assertThat(node.get("latency_ms").asDouble()).isEqualTo(1.5);
    assertThat(node.get("error").isNull()).isTrue();
  }

  @Test
  void jsonEscapesEverythingAndStaysParseable() throws Exception {
    String hostile = "a\"b\\c\nd\re\tf\u0000g\u001fh\u007fi\u2028j\u2029k\uD800l\uD83D\uDE00m/é";
    String line =
        new RequestLogFormatter(LogFormat.JSON)
            .format(entry(null, "iam", hostile, 400, "InvalidAction", 0));
    assertThat(line)
        .doesNotContain("\n")
        .doesNotContain("\r")
        .doesNotContain("\u2028")
        .doesNotContain("\u0000")
        .contains("\"caller\":null")
        .contains(
            "a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u001fh\\u007fi\\u2028j\\u2029k\\ud800l\uD83D\uDE00m/é");
    JsonNode node = json.readTree(line);
    assertThat(node.get("action").asText()).isEqualTo("iam:" + hostile);
    assertThat(node.get("error").asText()).isEqualTo("InvalidAction");
    assertThat(node.get("status").asInt()).isEqualTo(400);
  }

  @Test
  void timestampsAcrossSecondsAndBeforeTheEpoch() {
    RequestLogFormatter f = new RequestLogFormatter(LogFormat.TEXT);
    Utf8Builder out = new Utf8Builder(8);
    f.appendTime(out, T);
    out.ascii('|');
    f.appendTime(out, T + 1);
    out.ascii('|');
    f.appendTime(out, T + 958);
    out.ascii('|');
    f.appendTime(out, -1);
    out.ascii('|');
    f.appendTime(out, Instant.parse("2025-12-31T23:59:59.999Z").toEpochMilli());
    assertThat(out.toString())
        .isEqualTo(
            "2025-01-31T09:15:02.042Z|2025-01-31T09:15:02.043Z|2025-01-31T09:15:03.000Z|"
                + "1969-12-31T23:59:59.999Z|2025-12-31T23:59:59.999Z");
  }

  @Test
  void latencyInMillisecondsWithMicrosecondDigits() {
    Utf8Builder out = new Utf8Builder(8);
    for (long nanos : new long[] {0, 999, 1_000, 10_000, 999_999, 1_000_000, 123_456_789, -5}) {
      RequestLogFormatter.appendMillis(out, nanos);
      out.ascii(' ');
    }
    assertThat(out.toString()).isEqualTo("0.000 0.000 0.001 0.010 0.999 1.000 123.456 0.000 ");
  }

  @Test
  void actionCombinesServiceAndOperation() {
    assertThat(entry(ROOT, "sts", "AssumeRole", 200, null, 0).action()).isEqualTo("sts:AssumeRole");
    assertThat(entry(ROOT, null, "AssumeRole", 200, null, 0).action()).isEqualTo("AssumeRole");
    assertThat(entry(ROOT, "iam", null, 200, null, 0).action()).isNull();
  }

  @Test
  void formatAndLevelNames() {
    assertThat(LogFormat.parse("JSON")).isEqualTo(LogFormat.JSON);
    assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
    assertThat(LogLevel.parse("Warning")).isEqualTo(LogLevel.WARN);
    assertThat(LogLevel.INFO.logsRequests()).isTrue();
    assertThat(LogLevel.DEBUG.logsRequests()).isTrue();
    assertThat(LogLevel.WARN.logsRequests()).isFalse();
    assertThat(LogLevel.OFF.logsRequests()).isFalse();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> LogFormat.parse("xml"));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> LogLevel.parse("loud"));
  }
}
