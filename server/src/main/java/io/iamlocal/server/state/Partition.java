package io.iamlocal.server.state;

import java.util.List;
import java.util.Locale;

/**
 * The AWS partitions and the region prefixes that select them, as AWS's endpoint data lists them.
 * An account lives in exactly one partition; its ARNs start {@code arn:<partition>:}.
 */
public enum Partition {
  AWS("aws"),
  AWS_CN("aws-cn", "cn-"),
  AWS_US_GOV("aws-us-gov", "us-gov-"),
  AWS_ISO("aws-iso", "us-iso-"),
  AWS_ISO_B("aws-iso-b", "us-isob-"),
  AWS_ISO_E("aws-iso-e", "eu-isoe-"),
  AWS_ISO_F("aws-iso-f", "us-isof-"),
  AWS_EUSC("aws-eusc", "eusc-");

  private static final String GLOBAL_SUFFIX = "-global";

  /** {@code values()} copies the array at each call; every signed request asks for a region's. */
  private static final Partition[] ALL = values();

  private final String id;
  private final List<String> regionPrefixes;

  Partition(String id, String... regionPrefixes) {
    this.id = id;
    this.regionPrefixes = List.of(regionPrefixes);
  }

  /** The partition's name as it appears in ARNs ({@code aws-cn}). */
  public String id() {
    return id;
  }

  /**
   * The partition a region belongs to; {@code aws} for any region no other partition claims (and
   * for null). The SDKs' global pseudo-regions ({@code aws-cn-global}, {@code aws-us-gov-global}…)
   * name their partition.
   */
  public static Partition forRegion(String region) {
    if (region == null) {
      return AWS;
    }
    String lower = region.toLowerCase(Locale.ROOT);
    if (lower.endsWith(GLOBAL_SUFFIX)) {
      Partition named = byId(lower.substring(0, lower.length() - GLOBAL_SUFFIX.length()));
      if (named != null) {
        return named;
      }
    }
    for (Partition partition : ALL) {
      for (String prefix : partition.regionPrefixes) {
        if (lower.startsWith(prefix)) {
          return partition;
        }
      }
    }
    return AWS;
  }

  /** The partition named {@code id} in an ARN, or null when no AWS partition has that name. */
  public static Partition byId(String id) {
    for (Partition partition : ALL) {
      if (partition.id.equals(id)) {
        return partition;
      }
    }
    return null;
  }
}
