package io.iamlocal.server.state;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The nondeterministic values one state change consumed: clock instants and random draws ({@link
 * IdGenerator}). With a data directory, each write runs with a recording tape on its thread, and
 * the tape is journalled with the write; at start-up the journal is replayed with playback tapes,
 * so the handlers rebuild exactly the same IDs, secrets and dates. Without a data directory no tape
 * is ever installed and {@link #current()} is never even consulted (see {@link
 * IdGenerator#IdGenerator(boolean)} and {@link #clock(Clock)}).
 */
public final class Tape {
  private static final ThreadLocal<Tape> CURRENT = new ThreadLocal<>();
  private final List<Object> values;
  private final boolean playback;
  private int next;
  private boolean drewRandom;
  private int misses;

  private Tape(List<Object> values, boolean playback) {
    this.values = values;
    this.playback = playback;
  }

  /** A tape that records what the code running under it draws. */
  public static Tape recording() {
    return new Tape(new ArrayList<>(4), false);
  }

  /** A tape that hands out {@code values} (instants, strings, byte arrays) in order. */
  public static Tape playback(List<Object> values) {
    return new Tape(values, true);
  }

  /** Whether this thread is replaying the journal (a playback tape is installed). */
  public static boolean replaying() {
    Tape tape = CURRENT.get();
    return tape != null && tape.playback;
  }

  /** The tape installed on this thread, or null. */
  public static Tape current() {
    return CURRENT.get();
  }

  /**
   * Installs {@code tape} on this thread until {@link #uninstall()}; returns the tape it replaced.
   */
  public static Tape install(Tape tape) {
    Tape previous = CURRENT.get();
    CURRENT.set(tape);
    return previous;
  }

  /** Removes this thread's tape (restoring {@code previous}, usually null). */
  public static void uninstall(Tape previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  /** A clock that serves instants through the current thread's tape, else from {@code base}. */
  public static Clock clock(Clock base) {
    return new TapedClock(base);
  }

  Instant instant(Supplier<Instant> live) {
    return (Instant) take(Instant.class, live);
  }

  String chars(Supplier<String> live) {
    drewRandom = true;
    return (String) take(String.class, live);
  }

  byte[] bytes(Supplier<byte[]> live) {
    drewRandom = true;
    return ((byte[]) take(byte[].class, live)).clone();
  }

  /**
   * On playback, the next recorded value if it is a string (taken), else null; null when recording
   * (nothing recorded): for a value older versions drew and newer ones derive instead.
   */
  String recordedChars() {
    if (playback && next < values.size() && values.get(next) instanceof String value) {
      next++;
      return value;
    }
    return null;
  }

  private Object take(Class<?> type, Supplier<?> live) {
    if (!playback) {
      Object value = live.get();
      values.add(value);
      return value;
    }
    if (next < values.size() && type.isInstance(values.get(next))) {
      return values.get(next++);
    }
    // The code asked for something the original run did not (a newer version's handler): the
    // value is fresh, and the replay reports the divergence.
    misses++;
    return live.get();
  }

  /** The recorded values, in order. */
  public List<Object> values() {
    return values;
  }

  /**
   * Whether the code drew random values (IDs, secrets): a read-locked call that did created
   * something.
   */
  public boolean drewRandom() {
    return drewRandom;
  }

  /** For playback: whether the replayed code consumed exactly the recorded values. */
  public boolean matched() {
    return misses == 0 && next == values.size();
  }

  private static final class TapedClock extends Clock {
    private final Clock base;

    TapedClock(Clock base) {
      this.base = base;
    }

    @Override
    public Instant instant() {
      Tape tape = CURRENT.get();
      return tape == null ? base.instant() : tape.instant(base::instant);
    }

    @Override
    public long millis() {
      return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
      return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return new TapedClock(base.withZone(zone));
    }
  }
}
