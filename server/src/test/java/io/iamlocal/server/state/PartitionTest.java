package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionTest {
  @ParameterizedTest
  @CsvSource({
    "us-east-1, aws",
    "eu-west-3, aws",
    "cn-north-1, aws-cn",
    "cn-northwest-1, aws-cn",
    "us-gov-west-1, aws-us-gov",
    "us-iso-east-1, aws-iso",
    "us-isob-east-1, aws-iso-b",
    "eu-isoe-west-1, aws-iso-e",
    "us-isof-south-1, aws-iso-f",
    "eusc-de-east-1, aws-eusc",
    "aws-global, aws",
    "aws-cn-global, aws-cn",
    "aws-us-gov-global, aws-us-gov",
    "aws-iso-b-global, aws-iso-b"
  })
  void regionSelectsPartition(String region, String partition) {
    assertThat(Partition.forRegion(region).id()).isEqualTo(partition);
  }

  @Test
  void unknownOrMissingRegionIsTheAwsPartition() {
    assertThat(Partition.forRegion(null)).isEqualTo(Partition.AWS);
    assertThat(Partition.forRegion("mars-1")).isEqualTo(Partition.AWS);
  }

  @Test
  void byIdNamesOnlyRealPartitions() {
    assertThat(Partition.byId("aws-cn")).isEqualTo(Partition.AWS_CN);
    assertThat(Partition.byId("aws-mars")).isNull();
  }
}
