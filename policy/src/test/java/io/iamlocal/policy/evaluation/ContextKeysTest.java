package io.iamlocal.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.policy.document.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextKeysTest {

  @Test
  void collectsConditionKeysAndVariablesInOrderWithoutCaseDuplicates() throws Exception {
    PolicyDocument doc =
        PolicyDocument.parse(
            """
                {"Version":"2012-10-17","Statement":[
                  {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/${*}","Condition":{
                    "StringLike":{"s3:prefix":["home/${aws:userid}/*"]},
                    "NumericLessThan":{"s3:max-keys":"${ignored:key}"},
                    "Bool":{"aws:SecureTransport":"true"}}},
                  {"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{
                    "StringEquals":{"AWS:USERNAME":"x","aws:PrincipalTag/team":"blue"}}}
                ]}""");
    assertThat(ContextKeys.collect(doc))
        .containsExactly(
            "aws:username",
            "s3:prefix",
            "aws:userid",
            "s3:max-keys",
            "aws:SecureTransport",
            "aws:PrincipalTag/team");
  }

  @Test
  void legacyDocumentsHaveNoVariablesAndListsAreMerged() throws Exception {
    PolicyDocument legacy =
        PolicyDocument.parse(
            """
                {"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}",
                  "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}""");
    PolicyDocument other =
        PolicyDocument.parse(
            """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01"},"IpAddress":{"AWS:SourceIP":"1.2.3.4"}}}}""");
    assertThat(ContextKeys.collect(List.of(legacy, other)))
        .containsExactly("aws:SourceIp", "aws:CurrentTime");
  }
}
