package io.iamlocal.policy.validation;

import io.iamlocal.policy.evaluation.Wildcards;
import java.util.List;
import java.util.Locale;

/**
 * The actions a role trust policy may name: STS's role-assumption actions and the session
 * attributes set with them
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html and
 * the STS actions table). Anything else is refused with "AssumeRole policy may only specify STS
 * AssumeRole actions." (real-AWS recording: {@code sts:InvalidAction}).
 */
final class TrustActions {

  private static final List<String> ACTIONS =
      List.of(
          "sts:assumerole",
          "sts:assumerolewithsaml",
          "sts:assumerolewithwebidentity",
          "sts:tagsession",
          "sts:setsourceidentity",
          "sts:setcontext");

  private TrustActions() {}

  /**
   * True when {@code action} (case-insensitive, {@code *} and {@code ?} wildcards) covers one of
   * the actions.
   */
  static boolean allowed(String action) {
    return ACTIONS.stream().anyMatch(Wildcards.matcher(action.toLowerCase(Locale.ROOT)));
  }
}
