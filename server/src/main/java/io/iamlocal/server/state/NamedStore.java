package io.iamlocal.server.state;

import java.util.Collection;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Entities of one type keyed by name, unique case-insensitively as IAM requires, kept in name order
 * so that list pages resume from a marker in O(log n + page).
 */
public final class NamedStore<E> {
  private final NavigableMap<String, E> byKey = new TreeMap<>();
  private final Function<E, String> nameOf;

  public NamedStore(Function<E, String> nameOf) {
    this.nameOf = nameOf;
  }

  public static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public E get(String name) {
    return name == null ? null : byKey.get(key(name));
  }

  public boolean contains(String name) {
    return byKey.containsKey(key(name));
  }

  public void put(E entity) {
    byKey.put(key(nameOf.apply(entity)), entity);
  }

  public E remove(String name) {
    return byKey.remove(key(name));
  }

  public int size() {
    return byKey.size();
  }

  public Collection<E> values() {
    return byKey.values();
  }

  /** The entities after the given key in name order, for pagination. */
  public NavigableMap<String, E> after(String keyExclusive) {
    return keyExclusive == null ? byKey : byKey.tailMap(keyExclusive, false);
  }

  public String keyOf(E entity) {
    return key(nameOf.apply(entity));
  }
}
