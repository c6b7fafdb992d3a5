package io.iamlocal.policy.evaluation;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The request context keys of a {@link RequestContext}: an unmodifiable map whose keys are compared
 * without regard to case (keys differing only by case are merged), iterated in case-insensitive key
 * order.
 *
 * <p>Most decisions read no context key at all (no condition, no policy variable applies), so the
 * keys can be {@link #deferred}: the supplier builds them on the first lookup, at most once. An
 * enforcement path thus never formats times or copies tags for a request whose policies do not look
 * at them. Lookups go through a hash map by {@linkplain #fold folded} key; the sorted view is only
 * built for iteration (simulator output, denial messages). A map given as is ({@link #of}) is
 * copied at once, so later changes to it do not show.
 */
public final class LazyContextKeys extends AbstractMap<String, List<String>> {

  private static final LazyContextKeys EMPTY = new LazyContextKeys(Map.of());

  private Supplier<? extends Map<String, List<String>>> supplier;

  /** Folded key to (merged) values; null until first needed. */
  private volatile Map<String, List<String>> byFoldedKey;

  /** What the supplier returned (or the copied map), for the sorted view. */
  private Map<String, List<String>> source;

  private volatile SortedMap<String, List<String>> sorted;

  private LazyContextKeys(Supplier<? extends Map<String, List<String>>> supplier) {
    this.supplier = supplier;
  }

  private LazyContextKeys(Map<String, List<String>> keys) {
    this.source = keys;
    this.byFoldedKey = index(keys);
  }

  /**
   * Keys built by {@code supplier} on first use (called at most once, on the thread that first
   * looks a key up; it must not depend on state that changes before the decision is made).
   */
  public static LazyContextKeys deferred(Supplier<? extends Map<String, List<String>>> supplier) {
    return new LazyContextKeys(Objects.requireNonNull(supplier, "supplier"));
  }

  /** {@code keys} itself when it already is one, else a copy of it (null: no keys). */
  public static LazyContextKeys of(Map<String, List<String>> keys) {
    if (keys instanceof LazyContextKeys lazy) {
      return lazy;
    }
    if (keys == null || keys.isEmpty()) {
      return EMPTY;
    }
    return new LazyContextKeys(new HashMap<>(keys));
  }

  /**
   * A key folded for case-insensitive lookup, with the same per-character rule as {@link
   * String#CASE_INSENSITIVE_ORDER}. Returns {@code key} itself when it is already folded ASCII.
   */
  public static String fold(String key) {
    for (int i = 0, n = key.length(); i < n; i++) {
      if (key.charAt(i) >= 0x80) {
        StringBuilder sb = new StringBuilder(n);
        for (int j = 0; j < n; j++) {
          sb.append(Character.toLowerCase(Character.toUpperCase(key.charAt(j))));
        }
        return sb.toString();
      }
    }
    return key.toLowerCase(Locale.ROOT);
  }

  /** The values under an already {@linkplain #fold folded} key, or null. */
  List<String> getFolded(String foldedKey) {
    return index().get(foldedKey);
  }

  @Override
  public List<String> get(Object key) {
    return key instanceof String s ? getFolded(fold(s)) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && index().containsKey(fold(s));
  }

  @Override
  public int size() {
    return index().size();
  }

  @Override
  public boolean isEmpty() {
    return index().isEmpty();
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    SortedMap<String, List<String>> s = sorted;
    if (s == null) {
      s = sortedView();
    }
    return s.entrySet();
  }

  /**
   * The supplier of keys not built yet, or null once built (or when given as a map): lets a holder
   * that outlives the decision keep the recipe instead of the map it may later build and keep.
   */
  public synchronized Supplier<? extends Map<String, List<String>>> unbuiltSupplier() {
    return byFoldedKey == null ? supplier : null;
  }

  /** Builds the keys now (when deferred); later lookups never call the supplier. */
  public LazyContextKeys materialize() {
    index();
    return this;
  }

  private Map<String, List<String>> index() {
    Map<String, List<String>> m = byFoldedKey;
    return m != null ? m : build();
  }

  private synchronized Map<String, List<String>> build() {
    if (byFoldedKey == null) {
      Map<String, List<String>> keys = supplier.get();
      source = keys == null ? Map.of() : keys;
      supplier = null;
      byFoldedKey = index(source);
    }
    return byFoldedKey;
  }

  private synchronized SortedMap<String, List<String>> sortedView() {
    index();
    if (sorted == null) {
      SortedMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      source.forEach(
          (k, v) -> {
            List<String> merged = new ArrayList<>(keys.getOrDefault(k, List.of()));
            merged.addAll(v);
            keys.put(k, List.copyOf(merged));
          });
      sorted = Collections.unmodifiableSortedMap(keys);
    }
    return sorted;
  }

  private static Map<String, List<String>> index(Map<String, List<String>> keys) {
    Map<String, List<String>> out = new HashMap<>(Math.max(4, keys.size() * 2));
    keys.forEach(
        (k, v) -> {
          String folded = fold(k);
          List<String> values = List.copyOf(v);
          List<String> previous = out.putIfAbsent(folded, values);
          if (previous != null) {
            List<String> merged = new ArrayList<>(previous);
            merged.addAll(values);
            out.put(folded, List.copyOf(merged));
          }
        });
    return out;
  }
}
