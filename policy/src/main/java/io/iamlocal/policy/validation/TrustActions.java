package io.iamlocal.policy.validation;

import java.util.List;
import java.util.Locale;

/**
 * The actions a role trust policy may name: STS's role-assumption actions and the session attributes set with
 * them (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html and the
 * STS actions table). Anything else is refused with "AssumeRole policy may only specify STS AssumeRole actions."
 * (real-AWS recording: {@code sts:InvalidAction}).
 */
final class TrustActions {

    private static final List<String> ACTIONS = List.of(
            "sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity", "sts:tagsession",
            "sts:setsourceidentity", "sts:setcontext");

    private TrustActions() {
    }

    /** True when {@code action} (case-insensitive, {@code *} and {@code ?} wildcards) covers one of the actions. */
    static boolean allowed(String action) {
        String glob = action.toLowerCase(Locale.ROOT);
        for (String allowed : ACTIONS) {
            if (matches(glob, allowed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Wildcard match without backtracking blow-up: on a mismatch only the last {@code *} is widened, so the cost
     * is at most glob length times text length (a regex of many stars could take exponential time).
     */
    private static boolean matches(String glob, String text) {
        int g = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.length()) {
            if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
                g++;
                t++;
            } else if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                starText = t;
            } else if (star >= 0) {
                g = star + 1;
                t = ++starText;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }
}
