package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compiled {@code Principal}/{@code NotPrincipal} element, answering how strongly it names a
 * caller.
 *
 * <p>The strength decides whether a same-account resource-based allow needs help from other
 * policies
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html,
 * "Resource-based policies"): naming the user, the role session or the federated user session
 * grants directly ({@link #DIRECT}: implicit denies in identity policies, boundaries and session
 * policies do not matter); naming the role behind a session, or everyone, grants subject to the
 * boundary and session policies ({@link #LIMITED}); naming the account only delegates to the
 * account's identity policies ({@link #ACCOUNT}).
 */
final class PrincipalMatcher {

  static final int NONE = 0;
  static final int ACCOUNT = 1;
  static final int LIMITED = 2;
  static final int DIRECT = 3;

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private final boolean wildcard;

  /**
   * Accounts named by a bare 12-digit ID: the policy's own partition, whatever the caller's is
   * here.
   */
  private final Set<String> accounts = new HashSet<>();

  /**
   * Accounts named by {@code arn:<partition>:iam::<account>:root}, as {@link Requester#accountKey}.
   */
  private final Set<String> partitionAccounts = new HashSet<>();

  private final Set<String> exact = new HashSet<>();
  private final Set<String> roles = new HashSet<>();
  private final Set<String> services = new HashSet<>();
  private final Set<String> others = new HashSet<>();

  PrincipalMatcher(Principal principal) {
    boolean any = principal.anonymousWildcard();
    for (Map.Entry<String, List<String>> e : principal.entries().entrySet()) {
      for (String value : e.getValue()) {
        switch (e.getKey()) {
          case Principal.AWS:
            any |= value.equals("*");
            addAws(value);
            break;
          case Principal.SERVICE:
            services.add(value.toLowerCase(Locale.ROOT));
            break;
          default:
            // Federated providers and canonical users are compared as written.
            others.add(value);
            break;
        }
      }
    }
    this.wildcard = any;
  }

  private void addAws(String value) {
    if (ACCOUNT_ID.matcher(value).matches()) {
      accounts.add(value);
      return;
    }
    String[] parts = value.split(":", 6);
    if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iam")) {
      if (parts[5].equals("root")) {
        partitionAccounts.add(Requester.accountKey(parts[1], parts[4]));
        return;
      }
      if (parts[5].startsWith("role/")) {
        roles.add(Requester.roleKey(parts[1], parts[4], Requester.lastSegment(parts[5])));
        return;
      }
    }
    exact.add(value);
  }

  /**
   * How strongly a {@code Principal} element names the caller: {@link #NONE} .. {@link #DIRECT}.
   */
  int strength(Requester r) {
    int kind = wildcard ? LIMITED : NONE;
    if (r.arn != null && (exact.contains(r.arn) || others.contains(r.arn))) {
      switch (r.type) {
        case USER:
        case ASSUMED_ROLE:
        case FEDERATED_USER:
        case OTHER:
          return DIRECT;
        default:
          break;
      }
    }
    if (r.type == Requester.Type.SERVICE && services.contains(r.arn.toLowerCase(Locale.ROOT))) {
      return DIRECT;
    }
    if (r.roleKey != null && roles.contains(r.roleKey)) {
      kind = Math.max(kind, LIMITED);
    }
    if (r.type != Requester.Type.SERVICE && accountNamed(r)) {
      kind = Math.max(kind, ACCOUNT);
    }
    return kind;
  }

  /**
   * Whether the element names the caller's account: by ID, or by root ARN in the caller's
   * partition.
   */
  private boolean accountNamed(Requester r) {
    if (r.account == null) {
      return false;
    }
    if (accounts.contains(r.account)) {
      return true;
    }
    // A caller without an ARN has no partition of its own: its account is all there is to compare.
    return r.partition == null
        ? partitionAccounts.stream().anyMatch(key -> key.endsWith(":" + r.account))
        : partitionAccounts.contains(Requester.accountKey(r.partition, r.account));
  }

  /**
   * True when a {@code NotPrincipal} element excludes the caller. AWS checks each identity in the
   * caller's chain (session, role, account) and the statement applies if any of them is not listed,
   * which is why the NotPrincipal documentation asks to list the account and role ARNs next to the
   * session ARN:
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
   */
  boolean excludes(Requester r) {
    if (wildcard) {
      return true;
    }
    boolean accountNamed = accountNamed(r);
    switch (r.type) {
      case ROOT:
        return accountNamed;
      case USER:
      case FEDERATED_USER:
        return exact.contains(r.arn) && accountNamed;
      case ASSUMED_ROLE:
        return exact.contains(r.arn) && roles.contains(r.roleKey) && accountNamed;
      case ROLE:
        return roles.contains(r.roleKey) && accountNamed;
      case SERVICE:
        return services.contains(r.arn.toLowerCase(Locale.ROOT));
      case OTHER:
        return exact.contains(r.arn) || others.contains(r.arn);
      default:
        return false;
    }
  }
}
