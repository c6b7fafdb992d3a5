package io.iamlocal.policy.evaluation;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request's action in the form policies are matched against: lower case (action names ignore
 * case) and its service prefix. Interned, because a server asks about the same few hundred actions
 * millions of times and would otherwise lower-case and split the same text on every decision.
 */
final class ActionKey {

  /**
   * More distinct actions than AWS has; past it (made-up names sent to the simulator) the table
   * starts over.
   */
  private static final int MAX_INTERNED = 32_768;

  private static final ConcurrentHashMap<String, ActionKey> INTERNED = new ConcurrentHashMap<>();

  final String action;
  final String service;

  private ActionKey(String action, String service) {
    this.action = action;
    this.service = service;
  }

  static ActionKey of(String action) {
    ActionKey key = INTERNED.get(action);
    if (key == null) {
      key = parse(action);
      if (INTERNED.size() >= MAX_INTERNED) {
        INTERNED.clear();
      }
      INTERNED.putIfAbsent(action, key);
    }
    return key;
  }

  private static ActionKey parse(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    int colon = lower.indexOf(':');
    return new ActionKey(lower, colon < 0 ? lower : lower.substring(0, colon));
  }
}
