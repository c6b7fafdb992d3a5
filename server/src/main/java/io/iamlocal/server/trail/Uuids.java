package io.iamlocal.server.trail;

import java.util.HexFormat;
import java.util.UUID;

/**
 * UUIDs kept as two longs and formatted when read: {@code 8-4-4-4-12} lower-case hex digits, the
 * text {@link UUID#toString} gives, so a packed ID reads back as the very text it came from.
 */
final class Uuids {
  private Uuids() {}

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
