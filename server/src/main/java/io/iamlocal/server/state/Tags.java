package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
   * code point (recorded from AWS: abc, b, z, a are listed a, b, z, abc; A before a). Written out
   * rather than with Comparator.comparingInt, whose JDK-side lambdas the CDS archive does not hold.
   */
  public static final Comparator<Tag> POLICY_LISTING_ORDER =
      (a, b) -> {
        int byLength = Integer.compare(a.key().length(), b.key().length());
        return byLength != 0 ? byLength : a.key().compareTo(b.key());
      };

  private static final String[] NONE = {};

  private final boolean caseSensitive;

  /**
   * Key, value, key, value… in the order first tagged. An exact-size array replaced on each change
   * rather than a map or {@link Tag} objects: at most 50 tags, read far more often than written,
   * and ~270 bytes less per resource with three tags than a map (10,000 users).
   */
  private volatile String[] pairs = NONE;

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

  /**
   * Checks a request's tags before any is applied: duplicates (AWS's texts, recorded) and reserved
   * prefixes.
   */
  public static void checkRequest(List<Tag> requested, boolean caseSensitive) {
    Set<String> seen = new HashSet<>();
    for (Tag tag : requested) {
      if (!seen.add(caseSensitive ? tag.key() : tag.key().toLowerCase(Locale.ROOT))) {
        throw AwsServiceException.invalidInput(
            caseSensitive
                ? "Duplicate tag keys found."
                : "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
      }
      if (tag.key().toLowerCase(Locale.ROOT).startsWith("aws:")) {
        throw AwsServiceException.invalidInput(
            "Tag keys starting with 'aws:' are reserved for AWS use.");
      }
    }
  }

  /** Adds or overwrites tags; refuses the whole request if the resource would exceed 50. */
  public void apply(List<Tag> requested, String quotaName) {
    checkRequest(requested, caseSensitive);
    String[] current = pairs;
    long added =
        requested.stream().filter(t -> indexOf(current, current.length, t.key()) < 0).count();
    if (current.length / 2 + added > MAX_TAGS) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for " + quotaName + ": " + MAX_TAGS);
    }
    String[] next = Arrays.copyOf(current, (int) (current.length + 2 * added));
    int size = current.length;
    for (Tag tag : requested) {
      // Interned: the same keys and values recur on thousands of resources (team, env,
      // cost-center).
      int i = indexOf(next, size, tag.key());
      if (i < 0) {
        i = size;
        size += 2;
      }
      next[i] = tag.key().intern();
      next[i + 1] = tag.value().intern();
    }
    pairs = next;
  }

  public void remove(Collection<String> keys) {
    String[] current = pairs;
    List<String> kept = new ArrayList<>(current.length);
    for (int i = 0; i < current.length; i += 2) {
      String key = current[i];
      if (keys.stream().noneMatch(k -> sameKey(k, key))) {
        kept.add(key);
        kept.add(current[i + 1]);
      }
    }
    if (kept.size() != current.length) {
      pairs = kept.toArray(NONE);
    }
  }

  public List<Tag> list() {
    String[] current = pairs;
    List<Tag> out = new ArrayList<>(current.length / 2);
    for (int i = 0; i < current.length; i += 2) {
      out.add(new Tag(current[i], current[i + 1]));
    }
    return out;
  }

  public String get(String key) {
    String[] current = pairs;
    int i = indexOf(current, current.length, key);
    return i < 0 ? null : current[i + 1];
  }

  public boolean isEmpty() {
    return pairs.length == 0;
  }

  public int size() {
    return pairs.length / 2;
  }

  /** The index of {@code key} in {@code in[0, size)} (always even), or -1. */
  private int indexOf(String[] in, int size, String key) {
    for (int i = 0; i < size; i += 2) {
      if (sameKey(in[i], key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Case-sensitive keys compare exactly; others as their {@link Locale#ROOT} lower case, as IAM
   * treats tag keys.
   */
  private boolean sameKey(String a, String b) {
    return a.equals(b)
        || !caseSensitive && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }
}
