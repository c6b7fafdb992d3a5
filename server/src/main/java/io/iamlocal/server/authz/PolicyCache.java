package io.iamlocal.server.authz;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled policies by document text, so each stored document is parsed and compiled once, not on
 * every request. Documents are immutable strings (a new policy version is a new text), so the cache
 * never goes stale; it is simply emptied when it grows past its bound.
 */
public final class PolicyCache {
  private static final int MAX_ENTRIES = 8192;

  /** Grants nothing: stands in for a session policy that can no longer be read. */
  static final String NOTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iamlocal:None\",\"Resource\":\"*\"}]}";

  /** Grants everything: the identity side of the root user's federated users. */
  static final String EVERYTHING =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private static final PolicyCache SHARED = new PolicyCache();
  private final Map<Key, CompiledPolicy> compiled = new ConcurrentHashMap<>();

  private record Key(String text, String id, PolicySourceType type) {
    // Hand-written: the generated record methods go through method handles, which showed up in
    // profiles (a lookup per policy of every authorized request).
    @Override
    public int hashCode() {
      return (text.hashCode() * 31 + java.util.Objects.hashCode(id)) * 31
          + java.util.Objects.hashCode(type);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && text.equals(k.text)
          && java.util.Objects.equals(id, k.id)
          && type == k.type;
    }
  }

  public static PolicyCache shared() {
    return SHARED;
  }

  /** The compiled document, or null when it does not parse (stored documents were validated). */
  public CompiledPolicy get(String text, String id, PolicySourceType type) {
    if (text == null) {
      return null;
    }
    Key key = new Key(text, id, type);
    CompiledPolicy hit = compiled.get(key);
    if (hit != null) {
      return hit;
    }
    CompiledPolicy policy;
    try {
      policy = CompiledPolicy.compile(PolicyDocument.parse(text), id, type);
    } catch (PolicyParseException e) {
      return null;
    }
    if (compiled.size() >= MAX_ENTRIES) {
      compiled.clear();
    }
    compiled.put(key, policy);
    return policy;
  }
}
