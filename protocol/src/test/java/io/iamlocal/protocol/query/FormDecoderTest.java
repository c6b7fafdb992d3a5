package io.iamlocal.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormDecoderTest {

  private static Map<String, String> decode(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
    FormDecoder.decodeInto(bytes, 0, bytes.length, params);
    return params;
  }

  @Test
  void plainEscapedAndUnicodeTokensDecodeAlike() {
    assertThat(
            decode(
                "Action=GetUser&Version=2010-05-08&UserName=a+b%2Fc&Path=%2F&Tag=caf%C3%A9"
                    + "&Raw=\u00e9t\u00e9&Empty=&Flag"))
        .containsExactly(
            Map.entry("Action", "GetUser"),
            Map.entry("Version", "2010-05-08"),
            Map.entry("UserName", "a b/c"),
            Map.entry("Path", "/"),
            Map.entry("Tag", "caf\u00e9"),
            Map.entry("Raw", "\u00e9t\u00e9"),
            Map.entry("Empty", ""),
            Map.entry("Flag", ""));
  }

  @Test
  void aRepeatedShortTokenIsTheSameStringAndALongOneIsNeverMistakenForAnother() {
    String first = decode("Action=GetUser").get("Action");
    String again = decode("Action=GetUser").get("Action");
    String longValue = "x".repeat(RecentTokens.MAX_LENGTH + 1);

    assertThat(again).isSameAs(first);
    assertThat(decode("V=" + longValue).get("V")).isEqualTo(longValue);
    // Every one-character token, including ones that share a slot, reads back as itself.
    for (char c = '0'; c <= 'z'; c++) {
      assertThat(decode("K=" + c).get("K")).isEqualTo(String.valueOf(c));
    }
  }

  @Test
  void valueOfComparesPlainNamesInPlaceAndStillDecodesEscapedOnes() {
    byte[] form = "Act%69on=X&Action=GetUser".getBytes(StandardCharsets.US_ASCII);
    byte[] plain = "Version=1&Action=Get%55ser".getBytes(StandardCharsets.US_ASCII);

    assertThat(FormDecoder.valueOf(form, "Action")).isEqualTo("X");
    assertThat(FormDecoder.valueOf(plain, "Action")).isEqualTo("GetUser");
    assertThat(FormDecoder.valueOf(plain, "Actio")).isNull();
    assertThat(FormDecoder.valueOf("A%zz=1&Action=Y".getBytes(StandardCharsets.US_ASCII), "Action"))
        .isNull();
  }

  @Test
  void malformedEscapesAndInvalidUtf8AreRefused() {
    assertThatThrownBy(() -> decode("A=%4")).isInstanceOf(AwsServiceException.class);
    assertThatThrownBy(() -> decode("A=%C3%28")).isInstanceOf(AwsServiceException.class);
  }

  @Test
  void aFormContentTypeIsRecognisedInAnyCaseWithOrWithoutParameters() {
    assertThat(FormDecoder.isForm("application/x-www-form-urlencoded")).isTrue();
    assertThat(FormDecoder.isForm("application/x-www-form-urlencoded; charset=UTF-8")).isTrue();
    assertThat(FormDecoder.isForm("Application/X-WWW-Form-URLEncoded")).isTrue();
    assertThat(FormDecoder.isForm("application/json")).isFalse();
    assertThat(FormDecoder.isForm("application/x-www-form")).isFalse();
    assertThat(FormDecoder.isForm(null)).isFalse();
  }
}
