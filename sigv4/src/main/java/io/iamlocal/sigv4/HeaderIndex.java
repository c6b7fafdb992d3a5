package io.iamlocal.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Headers keyed by lower-case name, built once per request so every lookup is a direct hit: the
 * server's {@link ReceivedHeaders} as they are, any other map indexed by lower-case name.
 */
final class HeaderIndex {

  private final ReceivedHeaders received; // or else byName
  private final Map<String, List<String>> byName;

  private HeaderIndex(ReceivedHeaders received, Map<String, List<String>> byName) {
    this.received = received;
    this.byName = byName;
  }

  static HeaderIndex of(Map<String, List<String>> headers) {
    if (headers instanceof ReceivedHeaders received) {
      return new HeaderIndex(received, null);
    }
    if (allLowerCase(headers.keySet())) {
      // Already an index: no copy per request.
      return new HeaderIndex(null, headers);
    }
    Map<String, List<String>> byName = new HashMap<>(Math.max(16, headers.size() * 2));
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      String name =
          e.getKey().toLowerCase(Locale.ROOT); // returns the same instance when already lower-case
      List<String> previous = byName.putIfAbsent(name, e.getValue());
      if (previous != null) {
        List<String> merged = new ArrayList<>(previous);
        merged.addAll(e.getValue());
        byName.put(name, merged);
      }
    }
    return new HeaderIndex(null, byName);
  }

  private static boolean allLowerCase(Set<String> names) {
    for (String name : names) {
      if (name != name.toLowerCase(Locale.ROOT)) { // same instance when already lower-case
        return false;
      }
    }
    return true;
  }

  /**
   * A header's values for a lower-case name: a String for a single value, a List of Strings (which
   * may hold nulls) otherwise, or null when absent; no list is made for the common single value.
   */
  Object rawValues(String lowerName) {
    return received != null ? received.rawValues(lowerName) : byName.get(lowerName);
  }

  /** First value for a lower-case name, or null. */
  String first(String lowerName) {
    if (received != null) {
      return received.first(lowerName);
    }
    List<String> values = byName.get(lowerName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
