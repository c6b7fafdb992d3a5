package io.iamlocal.server.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity policies of a user, group or role: inline documents by policy name (names are
 * case-sensitive and unique per entity) and attached managed policies by ARN, in attach order.
 */
public final class PolicyAttachments {
  private final Map<String, String> inline = new TreeMap<>();
  private final Map<String, ManagedPolicy> attached = new LinkedHashMap<>(4);

  /** Inline policy name to the document exactly as it was given. */
  public Map<String, String> inline() {
    return inline;
  }

  /** Attached managed policies by ARN. */
  public Map<String, ManagedPolicy> attached() {
    return attached;
  }
}
