package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * ARNs, the shared AWS managed policy catalogue and per-partition accounts, seen from each
 * partition.
 */
class PartitionViewsTest {
  private static final String ACCOUNT = "123456789012";

  @Test
  void arnsCarryThePartition() {
    assertThat(Arns.iam(Partition.AWS_CN, ACCOUNT, "user", "/ops/", "alice"))
        .isEqualTo("arn:aws-cn:iam::123456789012:user/ops/alice");
    assertThat(Arns.root(Partition.AWS_US_GOV, ACCOUNT))
        .isEqualTo("arn:aws-us-gov:iam::123456789012:root");
    assertThat(Arns.sts(Partition.AWS_ISO_B, ACCOUNT, "assumed-role/r/s"))
        .isEqualTo("arn:aws-iso-b:sts::123456789012:assumed-role/r/s");
    assertThat(Arns.of(Partition.AWS_CN, "s3", "", "", "b")).isEqualTo("arn:aws-cn:s3:::b");
    assertThat(Arns.inPartition("arn:aws:iam::aws:policy/x", Partition.AWS_ISO))
        .isEqualTo("arn:aws-iso:iam::aws:policy/x");
    assertThat(Arns.partitionOf("arn:aws-us-gov:iam::1:root")).isEqualTo(Partition.AWS_US_GOV);
    assertThat(Arns.partitionOf("arn:amazon:iam::1:root")).isNull();
    assertThat(Arns.partitionOf("not-an-arn")).isNull();
    assertThat(Arns.partitionOf(null)).isNull();
  }

  @Test
  void catalogueIsSharedAndViewedUnderEachPartitionsArns() {
    AwsManagedPolicyCatalog catalog = AwsManagedPolicyCatalog.get();
    AwsManagedPolicyCatalog.Entry inChina =
        catalog.byArn(Partition.AWS_CN, "arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    assertThat(inChina)
        .isSameAs(catalog.byArn(Partition.AWS, "arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertThat(inChina.arn(Partition.AWS_US_GOV))
        .isEqualTo("arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess");
    assertThat(catalog.byArn(Partition.AWS_CN, "arn:aws:iam::aws:policy/ReadOnlyAccess"))
        .as("another partition's ARN")
        .isNull();
    assertThat(catalog.byArn(Partition.AWS, "arn:aws-cn:iam::aws:policy/ReadOnlyAccess")).isNull();
  }

  @Test
  void catalogueDocumentsNameThePartitionsResources() {
    AwsManagedPolicyCatalog.Entry withArns =
        AwsManagedPolicyCatalog.get().after(null).values().stream()
            .filter(e -> e.document().contains("\"arn:aws:"))
            .findFirst()
            .orElseThrow();
    String inChina = withArns.document(Partition.AWS_CN);
    assertThat(inChina).doesNotContain("arn:aws:").contains("\"arn:aws-cn:");
    assertThat(inChina).isEqualTo(withArns.document().replace("arn:aws:", "arn:aws-cn:"));
    assertThat(withArns.document(Partition.AWS)).isEqualTo(withArns.document());
  }

  @Test
  void accountsFindPoliciesOfTheirOwnPartitionOnly() {
    AccountState china =
        new AccountState(ACCOUNT, Partition.AWS_CN, Clock.systemUTC(), new IdGenerator());
    PolicyStore store = PolicyStore.of(china);
    assertThat(store.customerArnPrefix()).isEqualTo("arn:aws-cn:iam::123456789012:policy");
    ManagedPolicy readOnly = store.find("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    assertThat(readOnly.arn()).isEqualTo("arn:aws-cn:iam::aws:policy/ReadOnlyAccess");
    assertThat(store.find("arn:aws:iam::aws:policy/ReadOnlyAccess")).isNull();
  }

  @Test
  void stateKeepsOneDefaultAccountPerPartitionUntilReset() {
    IamLocalState state = new IamLocalState(ACCOUNT, "test", "test", Clock.systemUTC());
    AccountState china = state.defaultAccount(Partition.AWS_CN);
    assertThat(china.partition()).isEqualTo(Partition.AWS_CN);
    assertThat(china.accountId()).isEqualTo(ACCOUNT);
    assertThat(china.accessKeys()).containsKey("test");
    assertThat(state.defaultAccount(Partition.AWS_CN)).isSameAs(china);
    assertThat(state.defaultAccount(Partition.AWS)).isSameAs(state.account());
    state.reset();
    assertThat(state.defaultAccount(Partition.AWS_CN)).isNotSameAs(china);
  }
}
