package io.iamlocal.policy.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value of a {@code Principal} or {@code NotPrincipal} element: either the bare string {@code
 * "*"} or a map from principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code
 * CanonicalUser}) to one or more identifiers, in document order and with the type names as written.
 */
public record Principal(boolean anonymousWildcard, Map<String, List<String>> entries) {

  public static final String AWS = "AWS";
  public static final String SERVICE = "Service";
  public static final String FEDERATED = "Federated";
  public static final String CANONICAL_USER = "CanonicalUser";

  public Principal {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    entries.forEach((type, values) -> copy.put(type, List.copyOf(values)));
    entries = java.util.Collections.unmodifiableMap(copy);
  }

  /** {@code "Principal": "*"}. */
  public static Principal wildcard() {
    return new Principal(true, Map.of());
  }

  /** The identifiers listed under {@code type}, or an empty list. */
  public List<String> values(String type) {
    return entries.getOrDefault(type, List.of());
  }

  /** True when nothing at all is named ({@code "Principal": {}}). */
  public boolean isEmpty() {
    return !anonymousWildcard && entries.values().stream().allMatch(List::isEmpty);
  }
}
