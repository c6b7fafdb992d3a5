package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.protocol.query.QueryInputDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryInputDecoderTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");
  private static final ServiceModel STS = ServiceModel.load("sts-2011-06-15");

  private static Params decode(String operation, String form) {
    return decode(IAM, operation, form);
  }

  private static Params decode(ServiceModel service, String operation, String form) {
    Map<String, String> params = new HashMap<>();
    FormDecoder.decodeInto(form, params);
    return QueryInputDecoder.decode(service.operation(operation).input(), params);
  }

  @Test
  void callsWithoutMembersShareOneEmptyInputPerOperationShape() {
    Params first = decode("GetUser", "");
    assertThat(decode("GetUser", "")).isSameAs(first);
    assertThat(first.asMap()).isEmpty();
    assertThat(first.carries("UserName")).isFalse();
    assertThat(first.string("UserName")).isNull();
    Params other = decode("ListUsers", "");
    assertThat(other).isNotSameAs(first);
    assertThat(other.integer("MaxItems", 100)).isEqualTo(100);
    assertThat(decode("GetUser", "UserName=bob").string("UserName")).isEqualTo("bob");
  }

  @Test
  void aCallNamingOnlyItselfDecodesToNothingYetStillMissesItsRequiredMembers() {
    Params first = decode("GetUser", "Action=GetUser&Version=2010-05-08");
    assertThat(first).isSameAs(decode("GetUser", "Action=GetUser"));
    assertThat(first.asMap()).isEmpty();
    assertThat(
            decode(STS, "GetCallerIdentity", "Action=GetCallerIdentity&Version=2011-06-15").asMap())
        .isEmpty();
    assertThatThrownBy(() -> decode("CreateUser", "Action=CreateUser&Version=2010-05-08"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("'userName' failed to satisfy constraint: Member must not be null");
    // A member sent is decoded as before.
    assertThat(decode("GetUser", "Action=GetUser&UserName=bob").string("UserName"))
        .isEqualTo("bob");
  }

  @Test
  void decodesScalarsListsOfStructuresAndIntegers() {
    Params p =
        decode(
            "CreateUser",
            "UserName=alice&Path=%2Fteam%2F&Tags.member.1.Key=team&Tags.member.1.Value=red+blue"
                + "&Tags.member.2.Key=env&Tags.member.2.Value=");
    assertThat(p.string("UserName")).isEqualTo("alice");
    assertThat(p.string("Path")).isEqualTo("/team/");
    assertThat(p.structs("Tags")).hasSize(2);
    assertThat(p.structs("Tags").get(0).string("Value")).isEqualTo("red blue");
    assertThat(p.structs("Tags").get(1).string("Value")).isEmpty();
    assertThat(decode("ListUsers", "MaxItems=5").integer("MaxItems")).isEqualTo(5);
  }

  @Test
  void decodesStringListsAndBooleans() {
    Params p = decode("UntagUser", "UserName=a&TagKeys.member.1=x&TagKeys.member.2=y");
    assertThat(p.strings("TagKeys")).containsExactly("x", "y");
    assertThat(decode("UpdateAccountPasswordPolicy", "RequireSymbols=true").bool("RequireSymbols"))
        .isTrue();
  }

  /**
   * IAM no longer echoes the value (recorded from AWS in 2026 for path, tags, versionId, url and
   * numbers).
   */
  @Test
  void reportsEveryViolationInCoralFormatWithoutEchoingTheValueForIam() {
    String longName = "x".repeat(65);
    assertThatThrownBy(() -> decode("CreateUser", "UserName=" + longName))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage(
            "1 validation error detected: Value at 'userName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 64");
    assertThatThrownBy(() -> decode("CreateUser", "Path=nope"))
        .hasMessage(
            "2 validation errors detected: Value at 'path' failed to satisfy constraint: Member must satisfy "
                + "regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F); Value null at 'userName' failed to "
                + "satisfy constraint: Member must not be null");
  }

  /** STS still echoes it (recorded from AWS: AssumeRole roleSessionName). */
  @Test
  void stsEchoesTheValue() {
    assertThatThrownBy(
            () ->
                decode(
                    STS,
                    "AssumeRole",
                    "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=Session1%3A2"))
        .hasMessage(
            "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
  }

  /** Several violations come in Coral's member order, recorded from AWS. */
  @Test
  void ordersSeveralViolationsAsCoralDoes() {
    assertThatThrownBy(
            () ->
                decode(
                    "UpdateAccountPasswordPolicy",
                    "MaxPasswordAge=1096&MinimumPasswordLength=129&PasswordReusePrevention=25"))
        .hasMessage(
            "3 validation errors detected: Value at 'minimumPasswordLength' failed to satisfy constraint: Member must have "
                + "value less than or equal to 128; Value at 'passwordReusePrevention' failed to satisfy constraint: Member must have "
                + "value less than or equal to 24; Value at 'maxPasswordAge' failed to satisfy constraint: Member must have value "
                + "less than or equal to 1095");
  }

  @Test
  void namesNestedListMembersByIndex() {
    assertThatThrownBy(
            () ->
                decode(
                    "TagUser",
                    "UserName=a&Tags.member.1.Key=" + "k".repeat(129) + "&Tags.member.1.Value=v"))
        .hasMessageContaining(
            "at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128");
  }

  /** AWS's texts, recorded from CreateOpenIDConnectProvider with bad items. */
  @Test
  void reportsScalarListItemsAtTheListWithAllTheirConstraints() {
    assertThatThrownBy(
            () ->
                decode(
                    "CreateOpenIDConnectProvider",
                    "Url=https%3A%2F%2Fa.example.com&ThumbprintList.member.1=" + "b".repeat(41)))
        .hasMessage(
            "1 validation error detected: Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must have length less than or equal to 40, Member must have length greater than or equal to 40]");
    assertThatThrownBy(
            () ->
                decode(
                    "CreateOpenIDConnectProvider",
                    "Url=https%3A%2F%2Fa.example.com&ClientIDList.member.1=ok"
                        + "&ClientIDList.member.2="
                        + "b".repeat(256)
                        + "&ClientIDList.member.3="
                        + "c".repeat(256)))
        .hasMessage(
            "1 validation error detected: Value at 'clientIDList' failed to satisfy constraint: Member must satisfy constraint: "
                + "[Member must have length less than or equal to 255, Member must have length greater than or equal to 1]");
  }

  @Test
  void rejectsOutOfRangeAndNonNumericIntegers() {
    assertThatThrownBy(() -> decode("ListUsers", "MaxItems=0"))
        .hasMessage(
            "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1");
    assertThatThrownBy(() -> decode("ListUsers", "MaxItems=lots"))
        .satisfies(
            e ->
                assertThat(((AwsServiceException) e).errorCode())
                    .isEqualTo(AwsErrorCode.VALIDATION_ERROR));
  }

  @Test
  void enumViolationsListTheAllowedValues() {
    assertThatThrownBy(
            () -> decode("UpdateAccessKey", "AccessKeyId=AKIAAAAAAAAAAAAAAAAA&Status=Paused"))
        .hasMessageContaining("Member must satisfy enum value set: [Active, Inactive, Expired]");
  }

  @Test
  void malformedEscapesAndInvalidUtf8AreRejected() {
    Map<String, String> into = new HashMap<>();
    assertThatThrownBy(() -> FormDecoder.decodeInto("Action=%zz", into))
        .satisfies(
            e ->
                assertThat(((AwsServiceException) e).errorCode())
                    .isEqualTo(AwsErrorCode.MALFORMED_QUERY_STRING));
    byte[] latin1 = "UserName=caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> FormDecoder.decodeInto(latin1, 0, latin1.length, into))
        .satisfies(
            e ->
                assertThat(((AwsServiceException) e).errorCode())
                    .isEqualTo(AwsErrorCode.MALFORMED_QUERY_STRING));
    Map<String, String> ok = new HashMap<>();
    FormDecoder.decodeInto("UserName=caf%C3%A9", ok);
    assertThat(ok).containsEntry("UserName", "caf\u00e9");
  }

  @Test
  void sensitiveValuesAreNotEchoed() {
    assertThatThrownBy(() -> decode("CreateLoginProfile", "UserName=a&Password=" + "p".repeat(129)))
        .hasMessage(
            "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 128");
  }
}
