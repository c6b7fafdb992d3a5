package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tags of one IAM resource. Keys are unique case-insensitively (IAM does not allow both
 * {@code Dept} and {@code dept}); a re-used key overwrites the value, as TagUser documents.
 */
public final class Tags {
  /** AWS allows 50 tags per IAM resource. */
  public static final int MAX_TAGS = 50;
  private final Map<String, Tag> byLowerKey = new LinkedHashMap<>();

  /** One key/value pair. */
  public record Tag(String key, String value) {}

  /** Checks a request's tags before any is applied: duplicates and reserved prefixes. */
  public static void checkRequest(List<Tag> requested) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Tag tag : requested) {
      if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
        throw AwsServiceException.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw AwsServiceException.invalidInput("Tag keys starting with 'aws:' are reserved for AWS use.");
      }
    }
  }

  /** Adds or overwrites tags; refuses the whole request if the resource would exceed 50. */
  public void apply(List<Tag> requested, String quotaName) {
    checkRequest(requested);
    long added = requested.stream().filter(t -> !byLowerKey.containsKey(t.key().toLowerCase(Locale.ROOT))).count();
    if (byLowerKey.size() + added > MAX_TAGS) {
      throw AwsServiceException.limitExceeded("Cannot exceed quota for " + quotaName + ": " + MAX_TAGS);
    }
    for (Tag tag : requested) {
      byLowerKey.put(tag.key().toLowerCase(Locale.ROOT), tag);
    }
  }

  public void remove(Collection<String> keys) {
    for (String key : keys) {
      byLowerKey.remove(key.toLowerCase(Locale.ROOT));
    }
  }

  public List<Tag> list() {
    return new ArrayList<>(byLowerKey.values());
  }

  public String get(String key) {
    Tag tag = byLowerKey.get(key.toLowerCase(Locale.ROOT));
    return tag == null ? null : tag.value();
  }

  public boolean isEmpty() {
    return byLowerKey.isEmpty();
  }

  public int size() {
    return byLowerKey.size();
  }
}
