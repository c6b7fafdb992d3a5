package io.iamlocal.sigv4;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * Request headers as a server read them: lower-case names, values in arrival order, immutable once
 * built. {@link SignableRequest} and the verifier's header index take it as it is, where any other
 * map is copied.
 *
 * <p>Held as two arrays (names, and for each a value or a list of repeated values) searched in
 * order: a request carries a dozen headers, for which a hash map cost a table, a node and a
 * one-element list per header on every request. Past {@link #INDEXED_FROM} names a hash index keeps
 * each lookup O(1), however many headers a client sends.
 */
public final class ReceivedHeaders extends AbstractMap<String, List<String>> {
  /** Name count from which lookups go through a hash index rather than a scan. */
  static final int INDEXED_FROM = 24;

  private final String[] names;
  private final Object[] values; // a String, or an immutable List<String> for a repeated header
  private final int size;
  private final Map<String, Integer> index; // null below INDEXED_FROM names

  private ReceivedHeaders(String[] names, Object[] values, int size, Map<String, Integer> index) {
    this.names = names;
    this.values = values;
    this.size = size;
    this.index = index;
  }

  /** A builder for about {@code expectedHeaders} header lines. */
  public static Builder builder(int expectedHeaders) {
    return new Builder(expectedHeaders);
  }

  /**
   * The headers of {@code byLowerCaseName}, whose names must be lower-case and whose lists must not
   * contain nulls.
   */
  public static ReceivedHeaders takeOver(Map<String, List<String>> byLowerCaseName) {
    Builder builder = builder(byLowerCaseName.size());
    byLowerCaseName.forEach((name, list) -> list.forEach(value -> builder.add(name, value)));
    return builder.build();
  }

  /** The first value of a header, or null; no list is made. */
  public String first(String lowerCaseName) {
    Object value = rawValues(lowerCaseName);
    return value instanceof String single ? single : value == null ? null : first(value);
  }

  @SuppressWarnings("unchecked")
  private static String first(Object list) {
    List<String> values = (List<String>) list;
    return values.get(0);
  }

  /** A header's value (a String), its repeated values (a List of them), or null. */
  Object rawValues(String lowerCaseName) {
    int i = indexOf(lowerCaseName);
    return i < 0 ? null : values[i];
  }

  private int indexOf(Object name) {
    return indexOf(names, size, index, name);
  }

  /** Where {@code name} is among the first {@code size} names (through the index if any), or -1. */
  private static int indexOf(String[] names, int size, Map<String, Integer> index, Object name) {
    if (index != null) {
      Integer i = index.get(name);
      return i == null ? -1 : i;
    }
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public List<String> get(Object lowerCaseName) {
    int i = indexOf(lowerCaseName);
    return i < 0 ? null : valueList(i);
  }

  @SuppressWarnings("unchecked")
  private List<String> valueList(int i) {
    return values[i] instanceof String single ? List.of(single) : (List<String>) values[i];
  }

  @Override
  public boolean containsKey(Object lowerCaseName) {
    return indexOf(lowerCaseName) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, List<String>>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Entry<String, List<String>>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, List<String>> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(names[i], valueList(i));
          }
        };
      }
    };
  }

  /** Collects header lines in arrival order; a repeated name gathers its values in one list. */
  public static final class Builder {
    private String[] names;
    private Object[] values;
    private int size;
    private Map<String, Integer> index;

    private Builder(int expectedHeaders) {
      int capacity = Math.max(4, expectedHeaders);
      names = new String[capacity];
      values = new Object[capacity];
    }

    /** Adds one header line; {@code lowerCaseName} must be lower-case. */
    public Builder add(String lowerCaseName, String value) {
      Objects.requireNonNull(lowerCaseName, "name");
      Objects.requireNonNull(value, "value");
      int at = ReceivedHeaders.indexOf(names, size, index, lowerCaseName);
      if (at >= 0) {
        values[at] = appended(values[at], value);
        return this;
      }
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = lowerCaseName;
      values[size] = value;
      if (index != null) {
        index.put(lowerCaseName, size);
      } else if (size + 1 == INDEXED_FROM) {
        index = new HashMap<>(INDEXED_FROM * 4);
        for (int i = 0; i <= size; i++) {
          index.put(names[i], i);
        }
      }
      size++;
      return this;
    }

    @SuppressWarnings("unchecked")
    private static Object appended(Object previous, String value) {
      if (previous instanceof String single) {
        List<String> repeated = new ArrayList<>(4);
        repeated.add(single);
        repeated.add(value);
        return repeated;
      }
      ((List<String>) previous).add(value); // the builder's own list, frozen by build()
      return previous;
    }

    /** The headers; the builder must not be used afterwards. */
    @SuppressWarnings("unchecked")
    public ReceivedHeaders build() {
      for (int i = 0; i < size; i++) {
        if (values[i] instanceof List<?> repeated) {
          values[i] = List.copyOf((List<String>) repeated);
        }
      }
      return new ReceivedHeaders(names, values, size, index);
    }
  }
}
