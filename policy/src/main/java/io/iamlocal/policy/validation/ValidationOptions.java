package io.iamlocal.policy.validation;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Optional knowledge the validator cannot have by itself.
 *
 * @param awsPrincipalExists called for each IAM user or role ARN named under {@code "AWS"} in a Principal;
 *     returning false produces AWS's {@code Invalid principal in policy: "AWS":"<arn>"} (IAM rejects trust
 *     policies naming users or roles that do not exist).
 */
public record ValidationOptions(Predicate<String> awsPrincipalExists) {

    /** Accepts every well-formed principal. */
    public static final ValidationOptions DEFAULT = new ValidationOptions(arn -> true);

    public ValidationOptions {
        Objects.requireNonNull(awsPrincipalExists, "awsPrincipalExists");
    }
}
