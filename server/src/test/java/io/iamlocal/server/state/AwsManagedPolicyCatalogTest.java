package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsManagedPolicyCatalogTest {

  private static AwsManagedPolicyCatalog parse(String json) throws IOException {
    return AwsManagedPolicyCatalog.load(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void vendoredCatalogHasEveryPolicyWithItsArnAndDocument() {
    AwsManagedPolicyCatalog catalog = AwsManagedPolicyCatalog.get();
    assertThat(catalog.size()).isEqualTo(1485);
    AwsManagedPolicyCatalog.Entry readOnly =
        catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/ReadOnlyAccess");
    assertThat(readOnly).isNotNull();
    assertThat(readOnly.path()).isEqualTo("/");
    assertThat(readOnly.defaultVersionId()).isEqualTo("v182");
    assertThat(readOnly.createDate()).isEqualTo(Instant.parse("2015-02-06T18:39:48Z"));
    assertThat(readOnly.document())
        .startsWith("{\"Statement\":[{\"Action\":[\"a4b:Get*\"")
        .endsWith("\"Version\":\"2012-10-17\"}");
    assertThat(readOnly.document()).doesNotContain(" ", "\n");
    assertThat(
            catalog
                .byArn(
                    Partition.AWS,
                    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
                .path())
        .isEqualTo("/service-role/");
  }

  @Test
  void lookupsNeedTheExactArn() {
    AwsManagedPolicyCatalog catalog = AwsManagedPolicyCatalog.get();
    assertThat(catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole"))
        .as("path missing")
        .isNull();
    assertThat(catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/readonlyaccess"))
        .as("case differs")
        .isNull();
    assertThat(catalog.byArn(Partition.AWS, "arn:aws:iam::123456789012:policy/ReadOnlyAccess"))
        .isNull();
    assertThat(catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/NoSuchPolicy")).isNull();
    assertThat(catalog.byArn(Partition.AWS, null)).isNull();
  }

  @Test
  void entriesAreInCaseInsensitiveNameOrderAndPageable() {
    AwsManagedPolicyCatalog catalog = AwsManagedPolicyCatalog.get();
    var keys = catalog.after(null).keySet().stream().toList();
    assertThat(keys).isSorted();
    String middle = keys.get(700);
    assertThat(catalog.after(middle)).hasSize(1485 - 701);
  }

  @Test
  void policyIdsAreStableAndAwsShaped() {
    AwsManagedPolicyCatalog.Entry admin =
        AwsManagedPolicyCatalog.get().byName("AdministratorAccess");
    assertThat(admin.policyId()).matches("ANPA[A-Z2-7]{17}").isEqualTo(admin.policyId());
    assertThat(admin.policyId())
        .isNotEqualTo(AwsManagedPolicyCatalog.get().byName("ReadOnlyAccess").policyId());
  }

  @Test
  void catalogIsLoadedOncePerJvm() {
    assertThat(AwsManagedPolicyCatalog.get()).isSameAs(AwsManagedPolicyCatalog.get());
  }

  @Test
  void documentsAreRenderedAsCompactJsonInTheirOrder() throws IOException {
    AwsManagedPolicyCatalog catalog =
        parse(
            """
        {"B": {"Path": "/job-function/", "DefaultVersionId": "v3", "CreateDate": "2020-01-02T03:04:05+00:00",
               "UpdateDate": "2021-01-02T03:04:05+00:00", "PermissionsBoundaryUsageCount": 0,
               "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*",
                            "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "Bool": {"aws:SecureTransport": true}}}]}},
         "a": {"Path": "/", "DefaultVersionId": "v1", "CreateDate": "2019-01-01T00:00:00+00:00", "Document": {"Statement": []}}}
        """);
    assertThat(catalog.size()).isEqualTo(2);
    assertThat(catalog.after(null).keySet()).containsExactly("a", "b");
    AwsManagedPolicyCatalog.Entry b =
        catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/job-function/B");
    assertThat(b.document())
        .isEqualTo(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":3600},\"Bool\":{\"aws:SecureTransport\":true}}}]}");
    assertThat(b.updateDate()).isEqualTo(Instant.parse("2021-01-02T03:04:05Z"));
    assertThat(catalog.byName("A").updateDate())
        .as("UpdateDate defaults to CreateDate")
        .isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
  }

  @Test
  void malformedCatalogFailsLoudly() {
    assertThatThrownBy(() -> parse("[]")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> parse("{\"X\": {\"Path\": \"/\"}}"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("X");
  }
}
