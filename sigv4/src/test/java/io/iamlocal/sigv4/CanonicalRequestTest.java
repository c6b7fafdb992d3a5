package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure canonicalization functions, piece by piece. */
class CanonicalRequestTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/",
        "/|/",
        "/iam/|/iam/",
        "/a/b/../c|/a/c",
        "/a/b/..|/a/",
        "/../a|/a",
        "/a//b//|/a/b/",
        "/./a/./b/.|/a/b/",
        "/.hidden/x|/.hidden/x",
        "/a%20b|/a%2520b",
        "/a b|/a%20b",
        "/~user/x-y_z.txt|/~user/x-y_z.txt",
        "/a%2Fb|/a%252Fb",
        "relative|/relative",
      })
  void normalizedUriRemovesDotSegmentsAndEncodesTheRawPathAgain(String raw, String expected) {
    assertThat(CanonicalRequest.canonicalUri(raw, CanonicalUriMode.NORMALIZED)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|/",
        "/bucket/key|/bucket/key",
        "/bucket/my%20key|/bucket/my%20key",
        "/bucket/my key|/bucket/my%20key",
        "/bucket/a%2Fb/c|/bucket/a%2Fb/c",
        "/bucket/a%2fb|/bucket/a%2Fb",
        "/bucket/%7Euser|/bucket/~user",
        "//a/../b/./|//a/../b/./",
        "/bucket/caf%C3%A9|/bucket/caf%C3%A9",
      })
  void s3UriIsNotNormalizedAndEncodedOnce(String raw, String expected) {
    assertThat(CanonicalRequest.canonicalUri(raw, CanonicalUriMode.S3)).isEqualTo(expected);
  }

  @Test
  void uriModeFollowsTheService() {
    assertThat(CanonicalUriMode.forService("s3")).isEqualTo(CanonicalUriMode.S3);
    assertThat(CanonicalUriMode.forService("iam")).isEqualTo(CanonicalUriMode.NORMALIZED);
    assertThat(CanonicalUriMode.forService("sts")).isEqualTo(CanonicalUriMode.NORMALIZED);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|''",
        "b=2&a=1|a=1&b=2",
        "a=2&a=1|a=1&a=2",
        "Param=Value2&Param-3=Value3|Param=Value2&Param-3=Value3",
        "flag&a=1|a=1&flag=",
        "a=&b|a=&b=",
        "k=a b|k=a%20b",
        "k=a+b|k=a%2Bb",
        "k=a%2bb|k=a%2Bb",
        "k=%7e|k=~",
        "k=%2f|k=%2F",
        "k=%zz|k=%25zz",
        "k=100%|k=100%25",
        "%E1%88%B4=bar|%E1%88%B4=bar",
        "k=a/b:c@d|k=a%2Fb%3Ac%40d",
        "X-Amz-Signature=abc&a=1|a=1",
        "a=1&&b=2&|a=1&b=2",
        "Action=ListUsers&Version=2010-05-08|Action=ListUsers&Version=2010-05-08",
      })
  void queryIsDecodedReencodedAndSortedByNameThenValue(String raw, String expected) {
    assertThat(CanonicalRequest.canonicalQuery(raw)).isEqualTo(expected);
  }

  @Test
  void nonAsciiQueryCharactersAreUtf8Encoded() {
    assertThat(CanonicalRequest.canonicalQuery("name=caf\u00e9")).isEqualTo("name=caf%C3%A9");
  }

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "value|value",
        "'  value  '|value",
        "'a   b    c'|a b c",
        "'\"a   b   c\"'|'\"a b c\"'",
        "'a\tb'|a b",
        "'value1\n  value2\n     value3'|value1 value2 value3",
        "'a b'|a b",
        "''|''",
        "'   '|''",
      })
  void headerValuesAreTrimmedAndWhitespaceRunsCollapsed(String raw, String expected) {
    assertThat(CanonicalRequest.canonicalHeaderValue(raw)).isEqualTo(expected);
  }

  @Test
  void signedHeaderNamesAreLowerCasedDeduplicatedAndSorted() {
    assertThat(
            CanonicalRequest.normalizeSignedHeaders(
                List.of("X-Amz-Date", "Host", "host", " Content-Type ")))
        .containsExactly("content-type", "host", "x-amz-date");
  }

  @Test
  void buildsTheWholeCanonicalRequest() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Host", List.of("iam.amazonaws.com"));
    headers.put("X-Amz-Date", List.of("20150830T123600Z"));
    headers.put("My-Header", List.of("  b  ", "a"));
    headers.put("my-header", List.of("c"));
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    headers.put("User-Agent", List.of("not signed"));
    byte[] body = "Action=ListUsers&Version=2010-05-08".getBytes(StandardCharsets.UTF_8);
    SignableRequest request = new SignableRequest("POST", "/", "z=1&a=%41", headers, body);

    String canonical =
        CanonicalRequest.build(
            request,
            List.of("host", "x-amz-date", "My-Header", "content-type", "x-absent"),
            PayloadHash.sha256Hex(body),
            CanonicalUriMode.NORMALIZED);

    assertThat(canonical)
        .isEqualTo(
            """
                POST
                /
                a=A&z=1
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                my-header:b,a,c
                x-absent:
                x-amz-date:20150830T123600Z

                content-type;host;my-header;x-absent;x-amz-date
                """
                + PayloadHash.sha256Hex(body));
    assertThat(PayloadHash.sha256Hex(body))
        .isEqualTo("b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2");
  }

  @Test
  void emptyPayloadHashIsTheWellKnownConstant() {
    assertThat(PayloadHash.sha256Hex(new byte[0]))
        .isEqualTo(PayloadHash.EMPTY_SHA256)
        .isEqualTo(Hashing.sha256Hex(new byte[0]));
  }

  @Test
  void signedHeadersAreReadWhereTheyStandAndTheLastListIsReused() {
    String header = "SignedHeaders=Host;X-Amz-Date, Signature=0";
    int from = header.indexOf('=') + 1;
    int to = header.indexOf(',');

    List<String> first = CanonicalRequest.parseSignedHeaders(header, from, to);
    List<String> again = CanonicalRequest.parseSignedHeaders("x Host;X-Amz-Date", 2, 17);
    List<String> shorter = CanonicalRequest.parseSignedHeaders(header, from, to - 1);

    assertThat(first).containsExactly("host", "x-amz-date");
    assertThat(again).isSameAs(first);
    assertThat(shorter).containsExactly("host", "x-amz-dat");
  }
}
