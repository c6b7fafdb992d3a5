package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.json.JsonError;
import io.iamlocal.protocol.json.JsonInputDecoder;
import io.iamlocal.protocol.json.JsonResponseWriter;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.query.Params;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON 1.1 (CloudTrail) and REST-JSON (Access Analyzer) input decoding and output writing,
 * driven by the models.
 */
class JsonProtocolTest {
  private static final ServiceModel CLOUDTRAIL = ServiceModel.load("cloudtrail-2013-11-01");
  private static final ServiceModel ANALYZER = ServiceModel.load("accessanalyzer-2019-11-01");

  @Test
  void modelsCarryTheirProtocolAndHttpBindings() {
    assertThat(CLOUDTRAIL.protocol()).isEqualTo("json");
    assertThat(CLOUDTRAIL.targetPrefix())
        .isEqualTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");
    OperationModel get = ANALYZER.operation("GetGeneratedPolicy");
    assertThat(ANALYZER.protocol()).isEqualTo("rest-json");
    assertThat(get.http()).isEqualTo(new OperationModel.Http("GET", "/policy/generation/{jobId}"));
    assertThat(get.input().location("jobId"))
        .isEqualTo(new io.iamlocal.protocol.model.Shape.MemberLocation("uri", "jobId"));
    assertThat(get.input().location("includeResourcePlaceholders").location())
        .isEqualTo("querystring");
  }

  @Test
  void bodyMembersAreTypedFromTheShapes() {
    Params p =
        decode(
            CLOUDTRAIL.operation("LookupEvents"),
            "{\"MaxResults\":5,\"StartTime\":1700000000.5,\"LookupAttributes\":[{\"AttributeKey\":\"EventName\",\"AttributeValue\":\"GetUser\"}],\"Unknown\":1}",
            Map.of(),
            Map.of());
    assertThat(p.integer("MaxResults")).isEqualTo(5);
    assertThat(p.timestamp("StartTime"))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 500_000_000));
    assertThat(p.structs("LookupAttributes").get(0).string("AttributeValue")).isEqualTo("GetUser");
  }

  @Test
  void restMembersComeFromTheUriAndQueryString() {
    Params p =
        decode(
            ANALYZER.operation("GetGeneratedPolicy"),
            "",
            Map.of("jobId", "j-1"),
            Map.of("includeResourcePlaceholders", "true"));
    assertThat(p.string("jobId")).isEqualTo("j-1");
    assertThat(p.bool("includeResourcePlaceholders")).isTrue();
  }

  @Test
  void constraintsAndTypesAreEnforced() {
    assertThatThrownBy(
            () ->
                decode(
                    CLOUDTRAIL.operation("LookupEvents"),
                    "{\"MaxResults\":51}",
                    Map.of(),
                    Map.of()))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage(
            "1 validation error detected: Value '51' at 'maxResults' failed to satisfy constraint: "
                + "Member must have value less than or equal to 50");
    assertThatThrownBy(
            () ->
                decode(
                    CLOUDTRAIL.operation("LookupEvents"),
                    "{\"MaxResults\":\"5\"}",
                    Map.of(),
                    Map.of()))
        .isInstanceOf(JsonError.class)
        .extracting(e -> ((JsonError) e).code())
        .isEqualTo("SerializationException");
    assertThatThrownBy(
            () -> decode(CLOUDTRAIL.operation("LookupEvents"), "{not json", Map.of(), Map.of()))
        .isInstanceOf(JsonError.class);
    assertThatThrownBy(
            () ->
                decode(
                    ANALYZER.operation("StartPolicyGeneration"),
                    "{\"policyGenerationDetails\":{\"principalArn\":\"arn:aws:s3:::bucket\"}}",
                    Map.of(),
                    Map.of()))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("Member must satisfy regular expression pattern");
  }

  @Test
  void timestampsAreEpochSecondsUnlessTheShapeSaysIso8601() {
    Instant t = Instant.parse("2024-05-06T07:08:09.123456Z");
    String trail =
        JsonResponseWriter.render(
            CLOUDTRAIL.operation("LookupEvents").output(),
            Map.of("Events", List.of(Map.of("EventId", "e", "EventTime", t, "ReadOnly", "true"))));
    assertThat(trail)
        .isEqualTo(
            "{\"Events\":[{\"EventId\":\"e\",\"EventTime\":1714979289.123,\"ReadOnly\":\"true\"}]}");
    String job =
        JsonResponseWriter.render(
            ANALYZER.operation("ListPolicyGenerations").output(),
            Map.of("policyGenerations", List.of(Map.of("jobId", "j", "startedOn", t))));
    assertThat(job)
        .isEqualTo(
            "{\"policyGenerations\":[{\"jobId\":\"j\",\"startedOn\":\"2024-05-06T07:08:09.123Z\"}]}");
    assertThat(JsonResponseWriter.error("ValidationException", "bad"))
        .isEqualTo("{\"__type\":\"ValidationException\",\"message\":\"bad\"}");
  }

  private static Params decode(
      OperationModel operation,
      String body,
      Map<String, String> labels,
      Map<String, String> query) {
    return JsonInputDecoder.decode(
        operation.input(), body.getBytes(StandardCharsets.UTF_8), labels, query);
  }
}
