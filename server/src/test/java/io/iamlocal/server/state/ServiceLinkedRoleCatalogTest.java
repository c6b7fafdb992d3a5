package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceLinkedRoleCatalogTest {

  @Test
  void holdsAwsRecordedAnswerForEachService() {
    ServiceLinkedRoleCatalog catalog = ServiceLinkedRoleCatalog.get();
    assertThat(catalog.size()).isEqualTo(71);
    ServiceLinkedRoleCatalog.Entry acm = catalog.find("acm.amazonaws.com");
    assertThat(acm.roleName()).isEqualTo("AWSServiceRoleForCertificateManager");
    assertThat(acm.path()).isEqualTo("/aws-service-role/acm.amazonaws.com/");
    assertThat(acm.trustPolicy())
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"acm.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
    assertThat(acm.attachedPolicyArns())
        .containsExactly(
            "arn:aws:iam::aws:policy/aws-service-role/CertificateManagerServiceRolePolicy");
    assertThat(acm.customSuffixAllowed()).isFalse();
    assertThat(acm.customSuffixRefusal())
        .isEqualTo("Custom suffix is not allowed for acm.amazonaws.com");
    assertThat(catalog.find("lexv2.amazonaws.com").customSuffixAllowed()).isTrue();
    assertThat(catalog.find("unknown.amazonaws.com")).isNull();
  }

  @Test
  void everyAttachedPolicyButARetiredOneIsInTheManagedPolicyCatalog() {
    ServiceLinkedRoleCatalog catalog = ServiceLinkedRoleCatalog.get();
    long missing =
        java.util.stream.Stream.of("acm", "autoscaling", "ecs", "rds", "lex", "lexv2")
            .map(s -> catalog.find(s + ".amazonaws.com"))
            .flatMap(e -> e.attachedPolicyArns().stream())
            .filter(arn -> AwsManagedPolicyCatalog.get().byArn(Partition.AWS, arn) == null)
            .count();
    assertThat(missing).as("AmazonLexBotPolicy is retired").isEqualTo(1);
  }
}
