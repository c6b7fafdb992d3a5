package io.iamlocal.server.state;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;

/**
 * The identity policies of a user, group or role: inline documents by policy name (names are
 * case-sensitive and unique per entity) and attached managed policies by ARN, in attach order.
 *
 * <p>Sized for 10,000s of users with a couple of policies each: the inline map exists only once a
 * policy is put, and the attached policies are an exact-size array searched linearly (at most 20
 * per entity, AWS's largest quota), about 40 bytes against 170 for a {@code LinkedHashMap}.
 */
public final class PolicyAttachments {
  private TreeMap<String, String> inline;
  private final Attached attached = new Attached();

  /** Inline policy name to the document exactly as it was given, in name order; read-only. */
  public Map<String, String> inline() {
    return inline == null ? Map.of() : Collections.unmodifiableMap(inline);
  }

  /** Adds or replaces an inline policy. */
  public void putInline(String policyName, String document) {
    if (inline == null) {
      inline = new TreeMap<>();
    }
    inline.put(policyName, document);
  }

  /** Removes an inline policy; returns its document, or null. */
  public String removeInline(String policyName) {
    String removed = inline == null ? null : inline.remove(policyName);
    if (inline != null && inline.isEmpty()) {
      inline = null;
    }
    return removed;
  }

  public void clearInline() {
    inline = null;
  }

  /**
   * Attached managed policies by ARN, in attach order; {@code put} takes the policy's own ARN as
   * the key.
   */
  public Map<String, ManagedPolicy> attached() {
    return attached;
  }

  /** Policies in an exact-size array, each keyed by its ARN. */
  private static final class Attached extends AbstractMap<String, ManagedPolicy> {
    private static final ManagedPolicy[] NONE = {};
    private ManagedPolicy[] policies = NONE;

    private int indexOf(Object arn) {
      for (int i = 0; i < policies.length; i++) {
        if (policies[i].arn().equals(arn)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public int size() {
      return policies.length;
    }

    @Override
    public boolean containsKey(Object arn) {
      return indexOf(arn) >= 0;
    }

    @Override
    public ManagedPolicy get(Object arn) {
      int i = indexOf(arn);
      return i < 0 ? null : policies[i];
    }

    @Override
    public ManagedPolicy put(String arn, ManagedPolicy policy) {
      if (!policy.arn().equals(arn)) {
        throw new IllegalArgumentException("key " + arn + " is not the policy's ARN");
      }
      int i = indexOf(arn);
      if (i >= 0) {
        ManagedPolicy previous = policies[i];
        policies[i] = policy;
        return previous;
      }
      policies = Arrays.copyOf(policies, policies.length + 1);
      policies[policies.length - 1] = policy;
      return null;
    }

    @Override
    public ManagedPolicy remove(Object arn) {
      int i = indexOf(arn);
      if (i < 0) {
        return null;
      }
      ManagedPolicy removed = policies[i];
      removeAt(i);
      return removed;
    }

    private void removeAt(int i) {
      ManagedPolicy[] next = new ManagedPolicy[policies.length - 1];
      System.arraycopy(policies, 0, next, 0, i);
      System.arraycopy(policies, i + 1, next, i, next.length - i);
      policies = next.length == 0 ? NONE : next;
    }

    @Override
    public void clear() {
      policies = NONE;
    }

    @Override
    public Set<Entry<String, ManagedPolicy>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public int size() {
          return policies.length;
        }

        @Override
        public Iterator<Entry<String, ManagedPolicy>> iterator() {
          return new Iterator<>() {
            private final ManagedPolicy[] over = policies;
            private int next;
            private int last = -1;

            @Override
            public boolean hasNext() {
              return next < over.length;
            }

            @Override
            public Entry<String, ManagedPolicy> next() {
              if (next >= over.length) {
                throw new NoSuchElementException();
              }
              last = next++;
              return new SimpleImmutableEntry<>(over[last].arn(), over[last]);
            }

            @Override
            public void remove() {
              if (last < 0) {
                throw new IllegalStateException();
              }
              Attached.this.remove(over[last].arn());
              last = -1;
            }
          };
        }
      };
    }
  }
}
