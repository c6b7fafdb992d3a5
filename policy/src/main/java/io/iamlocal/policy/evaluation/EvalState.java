package io.iamlocal.policy.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-decision scratch state: the request, its pre-computed service prefix, the lazily parsed
 * caller and, in full (simulator) mode only, the matched statements and missing context keys being
 * collected.
 */
final class EvalState {

  private static final int[] NOT_AN_ARN = new int[0];

  private final RequestContext request;
  private final ActionKey actionKey;
  private int[] resourceColons;
  private final boolean collect;
  private Requester requester;
  private boolean boundaryAttached;
  private Map<String, String> missing;
  private List<MatchedStatement> allows;
  private List<MatchedStatement> denies;

  /**
   * The last request value parsed as an IP address (aws:SourceIp is usually tested by several
   * conditions).
   */
  private String ipText;

  private byte[] ipAddress;

  EvalState(RequestContext request, boolean collect) {
    this.request = request;
    this.collect = collect;
    this.actionKey = ActionKey.of(request.action());
  }

  /**
   * The action in lower case with its service prefix; action patterns are compiled in lower case
   * too.
   */
  ActionKey actionKey() {
    return actionKey;
  }

  /**
   * Positions of the first five colons of the request's resource ARN, or an empty array if it is no
   * ARN.
   */
  int[] resourceColons() {
    if (resourceColons == null) {
      resourceColons = ResourcePattern.colons(request.resource());
      if (resourceColons == null) {
        resourceColons = NOT_AN_ARN;
      }
    }
    return resourceColons;
  }

  /**
   * {@code value} parsed as an IP address (trimmed), or null; parsed once per decision for the same
   * value.
   */
  byte[] ipAddress(String value) {
    if (value != ipText) {
      ipAddress = IpRange.parseAddress(value.trim());
      ipText = value;
    }
    return ipAddress;
  }

  RequestContext request() {
    return request;
  }

  boolean collecting() {
    return collect;
  }

  /**
   * Whether the caller has a permissions boundary (it changes how Deny statements with NotPrincipal
   * apply).
   */
  boolean boundaryAttached() {
    return boundaryAttached;
  }

  void boundaryAttached(boolean attached) {
    this.boundaryAttached = attached;
  }

  Requester requester() {
    if (requester == null) {
      requester = Requester.of(request.principalArn(), request.principalAccount());
    }
    return requester;
  }

  /**
   * Records a context key an applicable statement needed but the request lacks (full mode only).
   */
  void missing(String key) {
    if (!collect) {
      return;
    }
    if (missing == null) {
      missing = new LinkedHashMap<>();
    }
    missing.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
  }

  void matched(CompiledPolicy policy, CompiledStatement statement, boolean countsForAllow) {
    MatchedStatement m =
        new MatchedStatement(
            policy.policyId(),
            policy.sourceType(),
            statement.range.startLine(),
            statement.range.startColumn(),
            statement.range.endLine(),
            statement.range.endColumn());
    if (statement.deny) {
      if (denies == null) {
        denies = new ArrayList<>();
      }
      denies.add(m);
    } else if (countsForAllow) {
      if (allows == null) {
        allows = new ArrayList<>();
      }
      allows.add(m);
    }
  }

  List<String> missingKeys() {
    return missing == null ? List.of() : List.copyOf(missing.values());
  }

  List<MatchedStatement> allows() {
    return allows == null ? List.of() : allows;
  }

  List<MatchedStatement> denies() {
    return denies == null ? List.of() : denies;
  }
}
