package io.iamlocal.sigv4;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Headers keyed by lower-case name, built once per request so every lookup is a hash hit. */
final class HeaderIndex {

  private final Map<String, List<String>> byName;

  private HeaderIndex(Map<String, List<String>> byName) {
    this.byName = byName;
  }

  static HeaderIndex of(Map<String, List<String>> headers) {
    if (headers instanceof ReceivedHeaders received) {
      return new HeaderIndex(received.byName());
    }
    if (allLowerCase(headers.keySet())) {
      // Already an index (the server lower-cases names as it reads them): no copy per request.
      return new HeaderIndex(headers);
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
    return new HeaderIndex(byName);
  }

  private static boolean allLowerCase(Set<String> names) {
    for (String name : names) {
      if (name != name.toLowerCase(Locale.ROOT)) { // same instance when already lower-case
        return false;
      }
    }
    return true;
  }

  /** Values for a lower-case name, or null. */
  List<String> values(String lowerName) {
    return byName.get(lowerName);
  }

  /** First value for a lower-case name, or null. */
  String first(String lowerName) {
    List<String> values = byName.get(lowerName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  Set<String> names() {
    return byName.keySet();
  }
}
