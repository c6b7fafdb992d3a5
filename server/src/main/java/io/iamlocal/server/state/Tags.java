package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags of one IAM resource, in the order they were first set; a re-used key overwrites the
 * value, as TagUser documents. Keys are unique case-insensitively ({@code Dept} and {@code dept}
 * are one tag, the later casing kept), except on managed policies, whose keys are case-sensitive
 * (both recorded from AWS, with different refusal texts).
 */
public final class Tags {
  /** AWS allows 50 tags per IAM resource. */
  public static final int MAX_TAGS = 50;
  /**
   * The order ListPolicyTags and GetPolicy show a policy's tags in: shorter keys first, then by
   * code point (recorded from AWS: abc, b, z, a are listed a, b, z, abc; A before a).
   */
  public static final Comparator<Tag> POLICY_LISTING_ORDER =
      Comparator.comparingInt((Tag tag) -> tag.key().length()).thenComparing(Tag::key);
  private final boolean caseSensitive;
  private final Map<String, Tag> byKey = new LinkedHashMap<>();

  /** One key/value pair. */
  public record Tag(String key, String value) {}

  /** Tags with case-insensitive keys, as most IAM resources have them. */
  public Tags() {
    this(false);
  }

  private Tags(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  /** Tags with case-sensitive keys, as managed policies have them. */
  public static Tags caseSensitive() {
    return new Tags(true);
  }

  /** Checks a request's tags for a resource with case-insensitive keys before any is applied. */
  public static void checkRequest(List<Tag> requested) {
    checkRequest(requested, false);
  }

  /** Checks a request's tags before any is applied: duplicates (AWS's texts, recorded) and reserved prefixes. */
  public static void checkRequest(List<Tag> requested, boolean caseSensitive) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Tag tag : requested) {
      if (!seen.add(caseSensitive ? tag.key() : tag.key().toLowerCase(Locale.ROOT))) {
        throw AwsServiceException.invalidInput(caseSensitive ? "Duplicate tag keys found."
            : "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw AwsServiceException.invalidInput("Tag keys starting with 'aws:' are reserved for AWS use.");
      }
    }
  }

  /** Adds or overwrites tags; refuses the whole request if the resource would exceed 50. */
  public void apply(List<Tag> requested, String quotaName) {
    checkRequest(requested, caseSensitive);
    long added = requested.stream().filter(t -> !byKey.containsKey(index(t.key()))).count();
    if (byKey.size() + added > MAX_TAGS) {
      throw AwsServiceException.limitExceeded("Cannot exceed quota for " + quotaName + ": " + MAX_TAGS);
    }
    for (Tag tag : requested) {
      byKey.put(index(tag.key()), tag);
    }
  }

  private String index(String key) {
    return caseSensitive ? key : key.toLowerCase(Locale.ROOT);
  }

  public void remove(Collection<String> keys) {
    for (String key : keys) {
      byKey.remove(index(key));
    }
  }

  public List<Tag> list() {
    return new ArrayList<>(byKey.values());
  }

  public String get(String key) {
    Tag tag = byKey.get(index(key));
    return tag == null ? null : tag.value();
  }

  public boolean isEmpty() {
    return byKey.isEmpty();
  }

  public int size() {
    return byKey.size();
  }
}
