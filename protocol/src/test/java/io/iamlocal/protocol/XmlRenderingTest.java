package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.xml.XmlResponseWriter;
import io.iamlocal.protocol.xml.XmlText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlRenderingTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");

  @Test
  void rendersMembersInModelOrderWithListWrappingAndTimestamps() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("UserName", "al<ice");
    user.put("Path", "/");
    user.put("Arn", "arn:aws:iam::123456789012:user/alice");
    user.put("UserId", "AIDAEXAMPLE");
    user.put("CreateDate", Instant.parse("2024-01-02T03:04:05.678Z"));
    user.put("Tags", List.of(Map.of("Key", "team", "Value", "red")));
    String xml = XmlResponseWriter.render(IAM.operation("GetUser"), Map.of("User", user), "req-1");
    assertThat(xml)
        .isEqualTo(
            """
        <GetUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetUserResult>
            <User>
              <Arn>arn:aws:iam::123456789012:user/alice</Arn>
              <CreateDate>2024-01-02T03:04:05Z</CreateDate>
              <Path>/</Path>
              <Tags>
                <member>
                  <Key>team</Key>
                  <Value>red</Value>
                </member>
              </Tags>
              <UserId>AIDAEXAMPLE</UserId>
              <UserName>al&lt;ice</UserName>
            </User>
          </GetUserResult>
          <ResponseMetadata>
            <RequestId>req-1</RequestId>
          </ResponseMetadata>
        </GetUserResponse>
        """);
  }

  @Test
  void theUtf8RenderingIsTheTextsBytesInAnyScriptAndAtAnySize() {
    for (String name :
        List.of("alice", "\u00e9l\u00e8ve-\u6771\u4eac-\ud83d\ude00", "x".repeat(40_000))) {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("UserName", name);
      user.put("Path", "/");
      user.put("Arn", "arn:aws:iam::123456789012:user/" + name);
      user.put("UserId", "AIDAEXAMPLE");
      user.put("CreateDate", Instant.parse("2024-01-02T03:04:05Z"));
      Map<String, Object> output = Map.of("User", user);
      String text = XmlResponseWriter.render(IAM.operation("GetUser"), output, "req-1");
      assertThat(XmlResponseWriter.renderUtf8(IAM.operation("GetUser"), output, "req-1"))
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void textIsEscapedAsXmlTextEscapesItAndEncodedAsUtf8() {
    for (String name :
        List.of(
            "plain-name_1.2@x",
            "<a href=\"x\">&</a>\r\n\t\u0001\u007f",
            "caf\u00e9 \u0800\uFFFD\uD7FF\uE000 \uD83D\uDE00 end",
            "lone \uD800 high, lone \uDC00 low, end \uD83D",
            "non-characters \uFFFE\uFFFF gone",
            "\u00e9 first, then <markup>")) {
      Map<String, Object> user = new LinkedHashMap<>();
      user.put("UserName", name);
      Map<String, Object> output = Map.of("User", user);
      byte[] utf8 = XmlResponseWriter.renderUtf8(IAM.operation("GetUser"), output, "req-1");
      assertThat(new String(utf8, StandardCharsets.UTF_8))
          .as("%s", name.codePoints().boxed().toList())
          .contains("<UserName>" + XmlText.escape(name) + "</UserName>")
          .isEqualTo(XmlResponseWriter.render(IAM.operation("GetUser"), output, "req-1"));
      // Nothing was replaced in decoding: the bytes are the text's own encoding.
      assertThat(new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))
          .isEqualTo(utf8);
    }
  }

  @Test
  void timestampsAreIso8601SecondsInUtcInAnyYear() {
    assertThat(XmlResponseWriter.timestamp(Instant.parse("2024-01-02T03:04:05.999Z")))
        .isEqualTo("2024-01-02T03:04:05Z");
    assertThat(XmlResponseWriter.timestamp(Instant.parse("1000-12-31T23:59:59Z")))
        .isEqualTo("1000-12-31T23:59:59Z");
    assertThat(XmlResponseWriter.timestamp(Instant.parse("0999-01-01T00:00:00Z")))
        .isEqualTo("0999-01-01T00:00:00Z");
    assertThat(XmlResponseWriter.timestamp(Instant.parse("+10000-01-01T00:00:00Z")))
        .isEqualTo("+10000-01-01T00:00:00Z");
  }

  @Test
  void anOutputMemberTheShapeDoesNotHaveIsRefusedAndANullOneLeftOut() {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("UserName", "alice");
    user.put("PasswordLastUsed", null);
    assertThat(XmlResponseWriter.render(IAM.operation("GetUser"), Map.of("User", user), "r"))
        .contains("<UserName>alice</UserName>")
        .doesNotContain("PasswordLastUsed");
    user.put("Bogus", "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> XmlResponseWriter.render(IAM.operation("GetUser"), Map.of("User", user), "r"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("User has no member Bogus");
  }

  @Test
  void operationsWithoutOutputHaveNoResultElement() {
    String xml = XmlResponseWriter.render(IAM.operation("DeleteUser"), null, "r");
    assertThat(xml)
        .doesNotContain("Result")
        .contains("<DeleteUserResponse")
        .contains("<RequestId>r</RequestId>");
  }

  @Test
  void rendersMapsAsEntryKeyValue() {
    String xml =
        XmlResponseWriter.render(
            IAM.operation("GetAccountSummary"), Map.of("SummaryMap", Map.of("Users", 3)), "r");
    assertThat(xml)
        .contains(
            "<SummaryMap>\n      <entry>\n        <key>Users</key>\n        <value>3</value>\n      </entry>");
  }

  @Test
  void errorBodyHasAwsShape() {
    assertThat(
            ErrorRenderer.render(
                "https://sts.amazonaws.com/doc/2011-06-15/",
                AwsErrorCode.INVALID_CLIENT_TOKEN_ID,
                "The security token included in the request is invalid.",
                "abc"))
        .isEqualTo(
            """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>InvalidClientTokenId</Code>
                <Message>The security token included in the request is invalid.</Message>
              </Error>
              <RequestId>abc</RequestId>
            </ErrorResponse>
            """);
  }
}
