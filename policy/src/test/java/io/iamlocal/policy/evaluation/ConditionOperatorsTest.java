package io.iamlocal.policy.evaluation;

import static io.iamlocal.policy.evaluation.Fixtures.ALICE;
import static io.iamlocal.policy.evaluation.Fixtures.decide;
import static io.iamlocal.policy.evaluation.Fixtures.doc;
import static io.iamlocal.policy.evaluation.Fixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per case: operator, policy values (JSON), request values ("-" = key absent, "|" separates
 * values), and whether the condition holds.
 */
class ConditionOperatorsTest {

  private static final String MISSING = "-";

  static Stream<Arguments> cases() {
    return Stream.of(
        // String operators
        row("StringEquals", "\"a\"", "a", true),
        row("StringEquals", "\"a\"", "A", false),
        row("StringEquals", "\"a\"", MISSING, false),
        row("StringEquals", "[\"a\",\"b\"]", "b", true),
        row("StringEquals", "\"*\"", "x", false),
        row("StringEquals", "\"*\"", "*", true),
        row("StringEquals", "\"a\"", "b|a", true),
        row("StringNotEquals", "\"a\"", "a", false),
        row("StringNotEquals", "\"a\"", "b", true),
        row("StringNotEquals", "\"a\"", MISSING, true),
        row("StringNotEquals", "[\"a\",\"b\"]", "b", false),
        row("StringNotEquals", "[\"a\",\"b\"]", "c", true),
        row("StringNotEquals", "\"a\"", "b|a", false),
        row("StringEqualsIgnoreCase", "\"Alice\"", "ALICE", true),
        row("StringEqualsIgnoreCase", "\"Alice\"", "bob", false),
        row("StringNotEqualsIgnoreCase", "\"Alice\"", "alice", false),
        row("StringNotEqualsIgnoreCase", "\"Alice\"", "bob", true),
        row("StringNotEqualsIgnoreCase", "\"Alice\"", MISSING, true),
        row("StringLike", "\"home/*\"", "home/x/y", true),
        row("StringLike", "\"home/*\"", "Home/x", false),
        row("StringLike", "\"a?c\"", "abc", true),
        row("StringLike", "\"a?c\"", "abbc", false),
        row("StringLike", "[\"\",\"home/\"]", "", true),
        row("StringLike", "\"*\"", MISSING, false),
        row("StringNotLike", "\"home/*\"", "home/x", false),
        row("StringNotLike", "\"home/*\"", "other", true),
        row("StringNotLike", "\"home/*\"", MISSING, true),
        row("StringEqualsIfExists", "\"a\"", MISSING, true),
        row("StringEqualsIfExists", "\"a\"", "b", false),
        row("StringEqualsIfExists", "\"a\"", "a", true),
        row("StringNotEqualsIfExists", "\"a\"", MISSING, true),
        row("StringNotEqualsIfExists", "\"a\"", "a", false),
        row("StringLikeIfExists", "[\"t1.*\",\"t2.*\",\"m3.*\"]", "t2.micro", true),
        row("StringLikeIfExists", "[\"t1.*\",\"t2.*\",\"m3.*\"]", "c5.large", false),
        row("StringNotLikeIfExists", "\"x*\"", MISSING, true),
        // Numeric operators
        row("NumericEquals", "10", "10", true),
        row("NumericEquals", "10", "10.0", true),
        row("NumericEquals", "\"10\"", "11", false),
        row("NumericEquals", "10", "abc", false),
        row("NumericEquals", "10", MISSING, false),
        row("NumericEquals", "\"ten\"", "10", false),
        row("NumericNotEquals", "10", "11", true),
        row("NumericNotEquals", "10", "10", false),
        row("NumericNotEquals", "10", MISSING, true),
        row("NumericLessThan", "10", "9", true),
        row("NumericLessThan", "10", "10", false),
        row("NumericLessThanEquals", "10", "10", true),
        row("NumericLessThanEquals", "10", "10.5", false),
        row("NumericGreaterThan", "10", "11", true),
        row("NumericGreaterThan", "10", "10", false),
        row("NumericGreaterThanEquals", "\"10\"", "10", true),
        row("NumericGreaterThanEquals", "10", "9.99", false),
        row("NumericGreaterThan", "-1.5", "-1", true),
        row("NumericLessThanIfExists", "10", MISSING, true),
        row("NumericLessThanIfExists", "10", "11", false),
        // Date operators (ISO 8601 and epoch seconds)
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:00Z", true),
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "1577836800", true),
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01", true),
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T01:00:00+01:00", true),
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:00.000Z", true),
        row("DateEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00Z", true),
        row("DateEquals", "\"2020-01\"", "2020-01-01T00:00:00Z", true),
        row("DateNotEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-02T00:00:00Z", true),
        row("DateNotEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:00Z", false),
        row("DateNotEquals", "\"2020-01-01T00:00:00Z\"", MISSING, true),
        row("DateLessThan", "\"2020-01-01T00:00:00Z\"", "2019-12-31T23:59:59Z", true),
        row("DateLessThan", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:00Z", false),
        row("DateLessThanEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:00Z", true),
        row("DateLessThanEquals", "\"2020-01-01T00:00:00Z\"", "2020-01-01T00:00:01Z", false),
        row("DateGreaterThan", "\"2018-08-16T12:00:00Z\"", "2019-04-25T11:00:00Z", true),
        row("DateGreaterThan", "\"2018-08-16T12:00:00Z\"", "2014-04-25T11:00:00Z", false),
        row("DateGreaterThan", "\"2018-08-16T12:00:00Z\"", "yesterday", false),
        row("DateGreaterThanEquals", "1577836800", "2020-01-01T00:00:00Z", true),
        row("DateGreaterThanEquals", "\"1577836800\"", "1577836799", false),
        row("DateGreaterThanIfExists", "\"2020-01-01\"", MISSING, true),
        // Bool
        row("Bool", "\"true\"", "true", true),
        row("Bool", "\"true\"", "TRUE", true),
        row("Bool", "\"true\"", "false", false),
        row("Bool", "\"true\"", MISSING, false),
        row("Bool", "false", "false", true),
        row("BoolIfExists", "\"false\"", MISSING, true),
        // Binary
        row(
            "BinaryEquals",
            "\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"",
            "QmluYXJ5VmFsdWVJbkJhc2U2NA==",
            true),
        row("BinaryEquals", "\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"", "AAAA", false),
        row("BinaryEquals", "\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"", "not base64!", false),
        row("BinaryEquals", "\"QmluYXJ5VmFsdWVJbkJhc2U2NA==\"", MISSING, false),
        row("BinaryEqualsIfExists", "\"AAAA\"", MISSING, true),
        // IP addresses
        row("IpAddress", "\"203.0.113.0/24\"", "203.0.113.7", true),
        row("IpAddress", "\"203.0.113.0/24\"", "203.0.114.1", false),
        row("IpAddress", "\"203.0.113.0/24\"", "not-an-ip", false),
        row("IpAddress", "\"203.0.113.7\"", "203.0.113.7", true),
        row("IpAddress", "\"203.0.113.7\"", "203.0.113.8", false),
        row("IpAddress", "\"172.16.0.0/12\"", "172.31.255.255", true),
        row("IpAddress", "\"172.16.0.0/12\"", "172.32.0.0", false),
        row("IpAddress", "\"0.0.0.0/0\"", "1.2.3.4", true),
        row("IpAddress", "\"2001:DB8:1234:5678::/64\"", "2001:db8:1234:5678:abcd::1", true),
        row("IpAddress", "\"2001:DB8:1234:5678::/64\"", "2001:db8:1234:5679::1", false),
        row("IpAddress", "[\"203.0.113.0/24\",\"2001:DB8::/32\"]", "2001:db8::5", true),
        row("IpAddress", "\"2001:DB8::/32\"", "203.0.113.1", false),
        row("IpAddress", "\"10.0.0.0/8\"", "::ffff:10.1.2.3", true),
        row("IpAddress", "\"::1\"", "0:0:0:0:0:0:0:1", true),
        row("IpAddress", "\"10.0.0.0/8\"", MISSING, false),
        row("NotIpAddress", "\"10.0.0.0/8\"", "11.0.0.1", true),
        row("NotIpAddress", "\"10.0.0.0/8\"", "10.0.0.1", false),
        row("NotIpAddress", "\"10.0.0.0/8\"", MISSING, true),
        row("IpAddressIfExists", "\"10.0.0.0/8\"", MISSING, true),
        // ARN operators
        row(
            "ArnEquals",
            "\"arn:aws:sns:us-east-1:123456789012:topic\"",
            "arn:aws:sns:us-east-1:123456789012:topic",
            true),
        row(
            "ArnEquals",
            "\"arn:aws:sns:us-east-1:123456789012:topic\"",
            "arn:aws:sns:us-east-1:123456789012:other",
            false),
        row(
            "ArnEquals",
            "\"arn:aws:sns:*:123456789012:*\"",
            "arn:aws:sns:eu-west-1:123456789012:t",
            true),
        row(
            "ArnLike",
            "\"arn:aws:sns:*:123456789012:*\"",
            "arn:aws:sns:us-east-1:123456789012:t",
            true),
        row(
            "ArnLike",
            "\"arn:aws:someservice:*:111122223333:finance/*\"",
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
            false),
        row(
            "StringLike",
            "\"arn:aws:someservice:*:111122223333:finance/*\"",
            "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt",
            true),
        row("ArnLike", "\"arn:aws:iam::*:role/*\"", "notanarn", false),
        row(
            "ArnNotEquals",
            "\"arn:aws:iam::*:role/admin\"",
            "arn:aws:iam::123456789012:role/admin",
            false),
        row(
            "ArnNotLike",
            "\"arn:aws:iam::*:role/admin\"",
            "arn:aws:iam::123456789012:role/dev",
            true),
        row("ArnNotLike", "\"arn:aws:iam::*:role/admin\"", MISSING, true),
        row("ArnLikeIfExists", "\"arn:aws:iam::*:role/admin\"", MISSING, true),
        // Null
        row("Null", "\"true\"", MISSING, true),
        row("Null", "\"true\"", "x", false),
        row("Null", "\"false\"", MISSING, false),
        row("Null", "false", "x", true),
        // Set qualifiers (examples from the multivalued context keys pages)
        row(
            "ForAllValues:StringLike",
            "[\"PostDateTime\",\"Message\",\"Tags\"]",
            "PostDateTime|Message",
            true),
        row(
            "ForAllValues:StringLike",
            "[\"PostDateTime\",\"Message\",\"Tags\"]",
            "PostDateTime|UserName",
            false),
        row("ForAllValues:StringLike", "[\"PostDateTime\",\"Message\",\"Tags\"]", MISSING, true),
        row(
            "ForAnyValue:StringLike",
            "[\"ID\",\"PostDateTime\"]",
            "UserName|Message|PostDateTime",
            true),
        row("ForAnyValue:StringLike", "[\"ID\",\"PostDateTime\"]", "UserName", false),
        row("ForAnyValue:StringLike", "[\"ID\",\"PostDateTime\"]", MISSING, false),
        row("ForAllValues:StringNotLike", "\"key1*\"", "key1:legal", false),
        row("ForAllValues:StringNotLike", "\"key1*\"", "key1:hr|key1:personnel", false),
        row("ForAllValues:StringNotLike", "\"key1*\"", "key2:audit", true),
        row("ForAllValues:StringNotLike", "\"key1*\"", "key2:audit|key1:hr", false),
        row("ForAllValues:StringNotLike", "\"key1*\"", MISSING, true),
        row("ForAnyValue:StringNotEquals", "[\"a\",\"b\"]", "a|c", true),
        row("ForAnyValue:StringNotEquals", "[\"a\",\"b\"]", "a|b", false),
        row("ForAnyValue:StringNotEquals", "[\"a\",\"b\"]", MISSING, false),
        row("ForAllValues:StringEquals", "\"a\"", "a|a", true),
        row("ForAllValues:StringEquals", "\"a\"", "a|b", false),
        row("ForAnyValue:StringEqualsIfExists", "\"a\"", MISSING, true),
        row("ForAllValues:StringEqualsIfExists", "\"a\"", "b", false),
        row("ForAllValues:NumericLessThan", "10", "1|2", true),
        row("ForAllValues:NumericLessThan", "10", "1|20", false),
        row("ForAnyValue:IpAddress", "\"10.0.0.0/8\"", "192.168.0.1|10.0.0.1", true),
        row(
            "ForAllValues:ArnLike",
            "\"arn:aws:iam::*:role/*\"",
            "arn:aws:iam::1:role/a|arn:aws:iam::1:user/b",
            false),
        row("ForAnyValue:DateGreaterThan", "\"2020-01-01\"", "2019-01-01|2021-01-01", true));
  }

  private static Arguments row(
      String operator, String policyValues, String requestValues, boolean holds) {
    return Arguments.of(operator, policyValues, requestValues, holds);
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @MethodSource("cases")
  void operator(String operator, String policyValues, String requestValues, boolean holds) {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                    + "\"Condition\":{\""
                    + operator
                    + "\":{\"test:Key\":"
                    + policyValues
                    + "}}}"));
    RequestContext request = RequestContext.of("s3:GetObject", "*", ALICE);
    if (!requestValues.equals(MISSING)) {
      request = request.withContextKey("test:Key", requestValues.split("\\|", -1));
    }
    assertThat(decide(request, p)).isEqualTo(holds ? Decision.ALLOWED : Decision.IMPLICIT_DENY);
  }

  @Test
  void keyWithNoValuesCountsAsMissingForSetQualifiers() {
    RequestContext request =
        new RequestContext("s3:GetObject", "*", ALICE, null, Map.of("test:Key", List.of()));
    CompiledPolicy forAll =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ForAllValues:StringEquals\":{\"test:Key\":\"a\"}}}"));
    CompiledPolicy forAny =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\","
                    + "\"Condition\":{\"ForAnyValue:StringEquals\":{\"test:Key\":\"a\"}}}"));
    assertThat(decide(request, forAll)).isEqualTo(Decision.ALLOWED);
    assertThat(decide(request, forAny)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void keysAndOperatorsAreAndedAndKeyNamesIgnoreCase() {
    CompiledPolicy p =
        policy(
            doc(
                "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{"
                    + "\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\",\"AWS:RequestedRegion\":[\"eu-west-1\",\"us-east-1\"]},"
                    + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}}"));
    RequestContext all =
        new RequestContext(
            "s3:GetObject",
            "*",
            ALICE,
            null,
            Map.of(
                "aws:principaltag/TEAM", List.of("blue"),
                "aws:requestedregion", List.of("us-east-1"),
                "AWS:SECURETRANSPORT", List.of("true")));
    assertThat(decide(all, p)).isEqualTo(Decision.ALLOWED);
    assertThat(decide(all.withContextKey("aws:SecureTransport", "false"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(all.withContextKey("aws:RequestedRegion", "ap-south-1"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(all.withContextKey("aws:PrincipalTag/team", "red"), p))
        .isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void contextKeysDifferingOnlyByCaseAreMerged() {
    RequestContext r =
        new RequestContext(
            "s3:GetObject",
            "*",
            ALICE,
            null,
            new java.util.LinkedHashMap<>(Map.of("aws:TagKeys", List.of("a"))));
    RequestContext merged =
        new RequestContext(
            r.action(),
            r.resource(),
            r.principalArn(),
            null,
            Map.of("aws:TagKeys", List.of("a"), "AWS:TAGKEYS", List.of("b")));
    assertThat(merged.values("aws:tagkeys"))
        .containsExactlyInAnyOrderElementsOf(Arrays.asList("a", "b"));
    assertThat(r.values("missing")).isNull();
    assertThat(r.principalAccount()).isEqualTo("123456789012");
  }
}
