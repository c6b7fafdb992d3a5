package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceHintTest {

  private static HttpRequestData request(String authorization, String query, String host) {
    Map<String, List<String>> headers = new java.util.HashMap<>();
    if (authorization != null) {
      headers.put("authorization", List.of(authorization));
    }
    if (host != null) {
      headers.put("host", List.of(host));
    }
    return new HttpRequestData(
        "POST", "/", query == null ? "" : query, headers, new byte[0], "127.0.0.1", false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=ab|iam",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/sts/aws4_request,SignedHeaders=host|sts",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/s3/aws4_request|s3",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/kms/aws4_request|kms",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/iam |iam",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1//x|''",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1/, Signature=x|iam",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206/us-east-1//|iam",
        "AWS4-HMAC-SHA256 Credential=AKID/20261206, Signature=x|iam",
      })
  void theCredentialScopesServiceElseIam(String authorization, String expected) {
    assertThat(ServiceHint.of(request(authorization, null, "localhost"))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "X-Amz-Credential=AKID%2F20261206%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-Date=1|localhost|sts",
        "Action=GetUser|sts.localhost|sts",
        "Action=GetUser|localhost|iam",
      })
  void aPresignedScopeOrTheHost(String query, String host, String expected) {
    assertThat(ServiceHint.of(request(null, query, host))).isEqualTo(expected);
  }
}
