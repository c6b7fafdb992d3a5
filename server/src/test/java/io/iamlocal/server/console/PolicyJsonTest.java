package io.iamlocal.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Policy documents shown to a person: decoded, indented, and otherwise exactly as written. */
class PolicyJsonTest {

  @Test
  void indentsTwoSpacesKeepingKeyOrder() {
    assertThat(
            PolicyJson.pretty(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}"))
        .isEqualTo(
            """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Action": "*"
            }
          ]
        }""");
  }

  @Test
  void decodesDocumentsThatArriveUrlEncoded() {
    String encoded =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
            + "%22Action%22%3A%22s3%3AGet%2A%22%2C%22Resource%22%3A%22arn%3Aaws%3As3%3A%3A%3Aa%2Bb%20c%2F%2A%22%7D%5D%7D";
    assertThat(PolicyJson.pretty(encoded))
        .contains("\"Action\": \"s3:Get*\"")
        .contains("\"Resource\": \"arn:aws:s3:::a+b c/*\"");
  }

  @Test
  void keepsDuplicateKeysNumbersAndUnicodeAsWritten() {
    assertThat(
            PolicyJson.pretty(
                "{\"Sid\":\"a\",\"Sid\":\"b\",\"N\":1.50,\"U\":\"caf\u00e9 \\u00e9\"}"))
        .isEqualTo(
            "{\n  \"Sid\": \"a\",\n  \"Sid\": \"b\",\n  \"N\": 1.50,\n  \"U\": \"caf\u00e9 \u00e9\"\n}");
  }

  @Test
  void leavesTextThatIsNotOneJsonValueUnchanged() {
    assertThat(PolicyJson.pretty("not json")).isEqualTo("not json");
    assertThat(PolicyJson.pretty("{\"a\":1} trailing")).isEqualTo("{\"a\":1} trailing");
    assertThat(PolicyJson.pretty("{\"a\":")).isEqualTo("{\"a\":");
    assertThat(PolicyJson.pretty("")).isEqualTo("");
    assertThat(PolicyJson.pretty(null)).isNull();
  }
}
