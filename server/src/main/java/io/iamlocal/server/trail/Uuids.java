package io.iamlocal.server.trail;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs kept as two longs and formatted when read: {@code 8-4-4-4-12} lower-case hex digits, the
 * text {@link UUID#toString} gives, so a packed ID reads back as the very text it came from.
 */
public final class Uuids {
  private Uuids() {}

  /** The last UUID {@link #random} made on a thread, with its two numbers. */
  static final class Made {
    String text;
    long high;
    long low;
  }

  private static final ThreadLocal<Made> LAST_MADE = ThreadLocal.withInitial(Made::new);

  /**
   * A random (version 4) UUID from ThreadLocalRandom (no shared lock), remembered with its two
   * numbers: the trail event of the request it names is made next on the same thread and takes them
   * instead of parsing the text back ({@link #lastMadeAs}).
   */
  public static String random() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    String text = format(high, low);
    Made made = LAST_MADE.get();
    made.text = text;
    made.high = high;
    made.low = low;
    return text;
  }

  /** The thread's last {@link #random} UUID when {@code text} is that very string, else null. */
  static Made lastMadeAs(String text) {
    Made made = LAST_MADE.get();
    return made.text == text ? made : null;
  }

  /**
   * Whether {@code text} is a UUID in its canonical lower-case form (what {@link #format} gives).
   */
  static boolean isLowerCase(String text) {
    if (text == null || text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The first 64 bits of a {@linkplain #isLowerCase canonical} UUID. */
  static long high(String uuid) {
    return HexFormat.fromHexDigitsToLong(uuid, 0, 8) << 32
        | HexFormat.fromHexDigitsToLong(uuid, 9, 13) << 16
        | HexFormat.fromHexDigitsToLong(uuid, 14, 18);
  }

  /** The last 64 bits of a {@linkplain #isLowerCase canonical} UUID. */
  static long low(String uuid) {
    return HexFormat.fromHexDigitsToLong(uuid, 19, 23) << 48
        | HexFormat.fromHexDigitsToLong(uuid, 24, 36);
  }

  static String format(long high, long low) {
    return new UUID(high, low).toString();
  }
}
