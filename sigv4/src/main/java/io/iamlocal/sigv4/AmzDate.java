package io.iamlocal.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The ISO 8601 basic timestamp SigV4 uses ({@code yyyyMMdd'T'HHmmss'Z'}), parsed and printed by
 * hand for speed.
 */
final class AmzDate {

  private AmzDate() {}

  /** What {@link #epochSecond} answers for a value that is not a date. */
  static final long NOT_A_DATE = Long.MIN_VALUE;

  /**
   * Parses {@code 20150830T123600Z}; null if the value is not exactly that shape or not a real
   * date.
   */
  static Instant parse(String s) {
    long second = epochSecond(s);
    return second == NOT_A_DATE ? null : Instant.ofEpochSecond(second);
  }

  /**
   * The epoch second of {@code 20150830T123600Z}, or {@link #NOT_A_DATE}; no Instant per request.
   */
  static long epochSecond(String s) {
    if (s == null || s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
      return NOT_A_DATE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 4, 6);
    int day = digits(s, 6, 8);
    int hour = digits(s, 9, 11);
    int minute = digits(s, 11, 13);
    int second = digits(s, 13, 15);
    if ((year | month | day | hour | minute | second) < 0
        || hour > 23
        || minute > 59
        || second > 59) {
      return NOT_A_DATE;
    }
    try {
      return LocalDate.of(year, month, day).toEpochDay() * 86_400L
          + hour * 3_600L
          + minute * 60L
          + second;
    } catch (DateTimeException e) {
      return NOT_A_DATE;
    }
  }

  /** Parses an HTTP {@code Date} header (RFC 1123); null if malformed. Only used as a fallback. */
  static Instant parseHttpDate(String s) {
    if (s == null) {
      return null;
    }
    try {
      return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Formats to {@code yyyyMMdd'T'HHmmss'Z'}, dropping sub-second precision. */
  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    char[] out = new char[16];
    put(out, 0, t.getYear(), 4);
    put(out, 4, t.getMonthValue(), 2);
    put(out, 6, t.getDayOfMonth(), 2);
    out[8] = 'T';
    put(out, 9, t.getHour(), 2);
    put(out, 11, t.getMinute(), 2);
    put(out, 13, t.getSecond(), 2);
    out[15] = 'Z';
    return new String(out);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
