package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.xml.OrderedMembers;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An output structure under construction; {@link #with} skips nulls so optional members vanish.
 *
 * <p>A map in insertion order kept in one small array of alternating names and values: a structure
 * has a handful of members, so a scan finds one faster than hashing would, and building one
 * allocates one array instead of a hash table and an entry per member (GetUser builds five). The
 * names are the model's member names written as literals, the very strings of the model's interned
 * names: the XML writer walks the members by position ({@link OrderedMembers}) when they come in
 * model order, and a lookup checks identity before {@code equals}.
 */
public final class Struct extends AbstractMap<String, Object> implements OrderedMembers {
  private static final int DEFAULT_MEMBERS = 4;

  /** Member {@code i}'s name at {@code 2i}, its value at {@code 2i + 1}. */
  private Object[] slots;

  private int size;

  /** Bumped by every structural change, so that an iteration fails fast rather than skip. */
  private int modifications;

  public Struct() {
    this(DEFAULT_MEMBERS);
  }

  /** A structure with room for {@code members} members before it grows. */
  public Struct(int members) {
    slots = new Object[2 * Math.max(1, members)];
  }

  public static Struct of(String member, Object value) {
    return new Struct(1).with(member, value);
  }

  public Struct with(String member, Object value) {
    if (value != null) {
      put(member, value);
    }
    return this;
  }

  private int indexOf(Object name) {
    Object[] s = slots;
    int end = 2 * size;
    for (int i = 0; i < end; i += 2) {
      if (s[i] == name) {
        return i;
      }
    }
    if (name == null) {
      return -1;
    }
    for (int i = 0; i < end; i += 2) {
      if (name.equals(s[i])) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String nameAt(int index) {
    return (String) slots[2 * Objects.checkIndex(index, size)];
  }

  @Override
  public Object valueAt(int index) {
    return slots[2 * Objects.checkIndex(index, size) + 1];
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public Object get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : slots[i + 1];
  }

  @Override
  public Object put(String name, Object value) {
    int i = indexOf(name);
    if (i >= 0) {
      Object previous = slots[i + 1];
      slots[i + 1] = value;
      return previous;
    }
    int at = 2 * size;
    if (at == slots.length) {
      slots = Arrays.copyOf(slots, 2 * slots.length);
    }
    slots[at] = name;
    slots[at + 1] = value;
    size++;
    modifications++;
    return null;
  }

  @Override
  public Object remove(Object name) {
    int i = indexOf(name);
    if (i < 0) {
      return null;
    }
    Object previous = slots[i + 1];
    removeAt(i);
    return previous;
  }

  private void removeAt(int i) {
    int end = 2 * size;
    System.arraycopy(slots, i + 2, slots, i, end - i - 2);
    slots[end - 2] = null;
    slots[end - 1] = null;
    size--;
    modifications++;
  }

  @Override
  public void clear() {
    Arrays.fill(slots, 0, 2 * size, null);
    size = 0;
    modifications++;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Entries();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Entries in insertion order; each entry writes through to the structure. */
  private final class Entries implements Iterator<Map.Entry<String, Object>> {
    private int next;
    private int last = -1;
    private int expected = modifications;

    @Override
    public boolean hasNext() {
      return next < size;
    }

    @Override
    public Map.Entry<String, Object> next() {
      if (expected != modifications) {
        throw new ConcurrentModificationException();
      }
      if (next >= size) {
        throw new NoSuchElementException();
      }
      last = next++;
      return new Member((String) slots[2 * last]);
    }

    @Override
    public void remove() {
      if (last < 0) {
        throw new IllegalStateException();
      }
      if (expected != modifications) {
        throw new ConcurrentModificationException();
      }
      removeAt(2 * last);
      next = last;
      last = -1;
      expected = modifications;
    }
  }

  /** An entry that reads and writes its member's current value. */
  private final class Member implements Map.Entry<String, Object> {
    private final String name;

    Member(String name) {
      this.name = name;
    }

    @Override
    public String getKey() {
      return name;
    }

    @Override
    public Object getValue() {
      return get(name);
    }

    @Override
    public Object setValue(Object value) {
      int i = indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("member removed: " + name);
      }
      Object previous = slots[i + 1];
      slots[i + 1] = value;
      return previous;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e
          && Objects.equals(name, e.getKey())
          && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return name + "=" + getValue();
    }
  }
}
