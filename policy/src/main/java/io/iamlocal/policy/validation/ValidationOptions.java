package io.iamlocal.policy.validation;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Optional knowledge the validator cannot have by itself.
 *
 * @param awsPrincipalExists called for each IAM user or role ARN named under {@code "AWS"} in a
 *     Principal; returning false produces AWS's {@code Invalid principal in policy: "AWS":"<arn>"}
 *     (IAM rejects trust policies naming users or roles that do not exist).
 * @param partition the partition of the account the policy is for ({@code aws}, {@code aws-cn},
 *     {@code aws-us-gov}…): IAM refuses a resource ARN of any other partition with {@code Partition
 *     "aws" is not valid for resource "arn:aws:s3:::b"}.
 */
public record ValidationOptions(Predicate<String> awsPrincipalExists, String partition) {

  /** The partition of every account unless told otherwise. */
  public static final String AWS_PARTITION = "aws";

  /** Accepts every well-formed principal; resources in the {@code aws} partition. */
  public static final ValidationOptions DEFAULT = new ValidationOptions(arn -> true);

  public ValidationOptions {
    Objects.requireNonNull(awsPrincipalExists, "awsPrincipalExists");
    Objects.requireNonNull(partition, "partition");
  }

  /** Principal existence checks for an account in the {@code aws} partition. */
  public ValidationOptions(Predicate<String> awsPrincipalExists) {
    this(awsPrincipalExists, AWS_PARTITION);
  }

  /** These options for an account of {@code partitionId}. */
  public ValidationOptions inPartition(String partitionId) {
    return new ValidationOptions(awsPrincipalExists, partitionId);
  }
}
