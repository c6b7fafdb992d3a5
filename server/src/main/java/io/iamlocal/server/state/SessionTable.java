package io.iamlocal.server.state;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of one account by the random bits of their access key IDs ({@link
 * Session#keyBits()}): an open-addressing table of the sessions themselves, about 8 bytes per
 * session where a {@code ConcurrentHashMap} keyed by the ID string costs about 100. Reads take no
 * lock (request authentication); writes must hold one lock of the owner's. A reader sees either a
 * slot's old or new content, or a whole older table: each slot changes in one release store, and a
 * rebuilt table is published whole through a volatile field. Every table keeps at least a quarter
 * of its slots empty, so a probe always ends.
 */
final class SessionTable {
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

  /** Marks a slot whose session was removed: probes go on past it. */
  private static final Object REMOVED = new Object();

  private static final int MIN_CAPACITY = 16;
  private volatile Object[] slots = new Object[MIN_CAPACITY];
  private int size;
  private int used; // sessions plus removed marks

  Session get(long keyBits) {
    Object[] table = slots;
    int mask = table.length - 1;
    for (int i = home(keyBits, mask); ; i = (i + 1) & mask) {
      Object slot = SLOT.getAcquire(table, i);
      if (slot == null) {
        return null;
      }
      if (slot != REMOVED && ((Session) slot).keyBits() == keyBits) {
        return (Session) slot;
      }
    }
  }

  /** Adds a session whose key bits no session in the table has. */
  void add(Session session) {
    if ((used + 1) * 4 > slots.length * 3) {
      rebuild(size + 1);
    }
    Object[] table = slots;
    int mask = table.length - 1;
    int i = home(session.keyBits(), mask);
    while (table[i] != null && table[i] != REMOVED) {
      i = (i + 1) & mask;
    }
    if (table[i] == null) {
      used++;
    }
    SLOT.setRelease(table, i, session);
    size++;
  }

  /** Removes this very session; false when the table does not hold it. */
  boolean remove(Session session) {
    Object[] table = slots;
    int mask = table.length - 1;
    for (int i = home(session.keyBits(), mask); table[i] != null; i = (i + 1) & mask) {
      if (table[i] == session) {
        SLOT.setRelease(table, i, REMOVED);
        size--;
        return true;
      }
    }
    return false;
  }

  int size() {
    return size;
  }

  /** The sessions, in no particular order (a reader's view: may miss concurrent changes). */
  List<Session> sessions() {
    Object[] table = slots;
    List<Session> out = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      Object slot = SLOT.getAcquire(table, i);
      if (slot != null && slot != REMOVED) {
        out.add((Session) slot);
      }
    }
    return out;
  }

  /**
   * A new table for {@code live} sessions, half full (so it grows, and shrinks after a burst has
   * expired, by powers of two), without the removed marks.
   */
  private void rebuild(int live) {
    int capacity = MIN_CAPACITY;
    while (capacity < live * 2) {
      capacity <<= 1;
    }
    Object[] fresh = new Object[capacity];
    int mask = capacity - 1;
    for (Object slot : slots) {
      if (slot != null && slot != REMOVED) {
        int i = home(((Session) slot).keyBits(), mask);
        while (fresh[i] != null) {
          i = (i + 1) & mask;
        }
        fresh[i] = slot;
      }
    }
    used = size;
    slots = fresh;
  }

  private static int home(long keyBits, int mask) {
    long mixed = keyBits * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> 32) & mask;
  }
}
