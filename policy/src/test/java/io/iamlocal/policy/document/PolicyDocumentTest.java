package io.iamlocal.policy.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDocumentTest {

  @Test
  void keepsTextVerbatimAndReadsTopLevelElements() throws Exception {
    String json = "{ \"Version\" : \"2012-10-17\",\n\t\"Id\": \"pol-1\", \"Statement\": [] }  ";
    PolicyDocument doc = PolicyDocument.parse(json);
    assertThat(doc.text()).isEqualTo(json);
    assertThat(doc.version()).isEqualTo("2012-10-17");
    assertThat(doc.id()).isEqualTo("pol-1");
    assertThat(doc.statements()).isEmpty();
    assertThat(doc.supportsVariables()).isTrue();
  }

  @Test
  void nestingDeeperThanTheLimitIsAParseErrorNotAStackOverflow() {
    String deep =
        "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[".repeat(100_000)
            + "]".repeat(100_000)
            + "}";
    assertThatThrownBy(() -> PolicyDocument.parse(deep)).isInstanceOf(PolicyParseException.class);
    String allowed =
        "{\"Version\":\"2012-10-17\",\"Id\":"
            + "[".repeat(JsonLimits.MAX_DEPTH - 1)
            + "]".repeat(JsonLimits.MAX_DEPTH - 1)
            + ",\"Statement\":[]}";
    assertThatThrownBy(() -> PolicyDocument.parse(allowed))
        .isNotInstanceOf(StackOverflowError.class);
  }

  @Test
  void missingVersionDefaultsTo2008() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}");
    assertThat(doc.version()).isNull();
    assertThat(doc.effectiveVersion()).isEqualTo("2008-10-17");
    assertThat(doc.supportsVariables()).isFalse();
  }

  @Test
  void statementMayBeAnObjectAndElementsMayBeStrings() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
                {"Version":"2012-10-17","Statement":{"Sid":"One","Effect":"Deny","NotAction":"iam:*",
                 "NotResource":"arn:aws:s3:::b"}}""");
    Statement s = doc.statements().get(0);
    assertThat(s.sid()).isEqualTo("One");
    assertThat(s.effect()).isEqualTo("Deny");
    assertThat(s.action()).isNull();
    assertThat(s.notAction()).containsExactly("iam:*");
    assertThat(s.actions()).containsExactly("iam:*");
    assertThat(s.resource()).isNull();
    assertThat(s.notResource()).containsExactly("arn:aws:s3:::b");
    assertThat(s.conditions()).isEmpty();
    assertThat(s.hasPrincipalElement()).isFalse();
  }

  @Test
  void arraysKeepOrder() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
                {"Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:List*"],"Resource":["a","b"]},
                              {"Effect":"Deny","Action":[],"Resource":"*"}]}""");
    assertThat(doc.statements()).hasSize(2);
    assertThat(doc.statements().get(0).action()).containsExactly("s3:Get*", "s3:List*");
    assertThat(doc.statements().get(0).resource()).containsExactly("a", "b");
    assertThat(doc.statements().get(1).action()).isEmpty();
  }

  @Test
  void principalForms() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
                {"Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"},
                 {"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:user/a"],
                   "Service":"ec2.amazonaws.com","Federated":"cognito-identity.amazonaws.com",
                   "CanonicalUser":"79a59df9"},"Action":"s3:*","Resource":"*"},
                 {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"s3:*","Resource":"*"}
                ]}""");
    Principal star = doc.statements().get(0).principal();
    assertThat(star.anonymousWildcard()).isTrue();
    assertThat(star.entries()).isEmpty();
    Principal map = doc.statements().get(1).principal();
    assertThat(map.anonymousWildcard()).isFalse();
    assertThat(map.values("AWS"))
        .containsExactly("123456789012", "arn:aws:iam::123456789012:user/a");
    assertThat(map.values("Service")).containsExactly("ec2.amazonaws.com");
    assertThat(map.values("Federated")).containsExactly("cognito-identity.amazonaws.com");
    assertThat(map.values("CanonicalUser")).containsExactly("79a59df9");
    assertThat(map.entries().keySet())
        .containsExactly("AWS", "Service", "Federated", "CanonicalUser");
    assertThat(doc.statements().get(2).notPrincipal().values("AWS"))
        .containsExactly("arn:aws:iam::123456789012:root");
  }

  @Test
  void conditionValuesAreNormalisedToStrings() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
                {"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*","Condition":{
                  "NumericLessThanEquals":{"s3:max-keys":10,"s3:other":1.50},
                  "Bool":{"aws:SecureTransport":true},
                  "StringEquals":{"aws:username":["alice",2,false]}}}}""");
    assertThat(doc.statements().get(0).conditions())
        .containsExactly(
            new ConditionEntry("NumericLessThanEquals", "s3:max-keys", List.of("10")),
            new ConditionEntry("NumericLessThanEquals", "s3:other", List.of("1.50")),
            new ConditionEntry("Bool", "aws:SecureTransport", List.of("true")),
            new ConditionEntry("StringEquals", "aws:username", List.of("alice", "2", "false")));
  }

  @Test
  void statementPositionMatchesTheAwsCliSimulatorExample() throws Exception {
    // aws iam simulate-custom-policy example: StartPosition {Line 1, Column 38}, EndPosition {Line
    // 1, Column 167}
    PolicyDocument doc =
        PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Action\":\"dynamodb:*\",\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":"
                + "{\"aws:CurrentTime\":\"2018-08-16T12:00:00Z\"}}}}");
    assertThat(doc.statements().get(0).range()).isEqualTo(new SourceRange(1, 38, 1, 167));
  }

  @Test
  void statementPositionsInPrettyPrintedPolicy() throws Exception {
    String json =
        """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Action": "codecommit:ListRepositories",
                            "Resource": "*"
                        },
                        {"Effect": "Deny", "Action": "s3:*", "Resource": "*"}
                    ]
                }
                """;
    PolicyDocument doc = PolicyDocument.parse(json);
    assertThat(doc.statements().get(0).range()).isEqualTo(new SourceRange(4, 10, 8, 10));
    assertThat(doc.statements().get(1).range()).isEqualTo(new SourceRange(9, 10, 9, 62));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "null",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",}]}",
        "{\"Statement\":[]} trailing",
        "{'Statement':[]}",
        "{\"Statement\":[] // comment\n}",
        "[{\"Statement\":[]}",
        "[]",
        "\"text\""
      })
  void rejectsInvalidJson(String json) {
    assertThatThrownBy(() -> PolicyDocument.parse(json))
        .isInstanceOfSatisfying(
            PolicyParseException.class,
            e -> assertThat(e.reason()).isEqualTo(PolicyParseException.Reason.INVALID_JSON));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}",
        "{\"Statement\":null}",
        "{\"Statement\":\"x\"}",
        "{\"Statement\":[\"x\"]}",
        "{\"Version\":2012,\"Statement\":[]}",
        "{\"Policy\":1,\"Statement\":[]}",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Actions\":\"s3:*\"}]}",
        "{\"Statement\":[{\"Action\":\"a:b\",\"NotAction\":\"a:c\"}]}",
        "{\"Statement\":[{\"Resource\":\"*\",\"NotResource\":\"*\"}]}",
        "{\"Statement\":[{\"Principal\":\"*\",\"NotPrincipal\":\"*\"}]}",
        "{\"Statement\":[{\"Action\":5}]}",
        "{\"Statement\":[{\"Action\":[\"a:b\",[\"c:d\"]]}]}",
        "{\"Statement\":[{\"Principal\":\"arn:aws:iam::123456789012:root\"}]}",
        "{\"Statement\":[{\"Condition\":[]}]}",
        "{\"Statement\":[{\"Condition\":{\"StringEquals\":\"x\"}}]}",
        "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"k:k\":{\"a\":1}}}}]}",
        "{\"Statement\":[{\"Condition\":{\"StringEquals\":{\"k:k\":null}}}]}",
        "{\"Statement\":[{\"Sid\":1}]}"
      })
  void rejectsWrongShapes(String json) {
    assertThatThrownBy(() -> PolicyDocument.parse(json))
        .isInstanceOfSatisfying(
            PolicyParseException.class,
            e -> assertThat(e.reason()).isEqualTo(PolicyParseException.Reason.INVALID_STRUCTURE));
  }
}
