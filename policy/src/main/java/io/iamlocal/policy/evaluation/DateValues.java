package io.iamlocal.policy.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date values for the {@code Date*} operators: epoch seconds or the W3C profile of ISO 8601 ({@code
 * 2020-01-01}, {@code 2020-01-01T00:00:01Z}, {@code 2020-01-01T00:00+01:00}, {@code 2020-01}).
 * Values without a zone are taken as UTC. A string of digits is read as epoch seconds.
 */
final class DateValues {

  static final long INVALID = Long.MIN_VALUE;

  private DateValues() {}

  /** Milliseconds since the epoch, or {@link #INVALID}. */
  static long parse(String raw) {
    String s = raw.trim();
    if (s.isEmpty()) {
      return INVALID;
    }
    try {
      if (isEpoch(s)) {
        return new BigDecimal(s).movePointRight(3).longValue();
      }
      if (s.indexOf('T') >= 0) {
        char last = s.charAt(s.length() - 1);
        boolean zoned =
            last == 'Z'
                || last == 'z'
                || s.lastIndexOf('+') > s.indexOf('T')
                || s.lastIndexOf('-') > s.indexOf('T');
        if (zoned) {
          return OffsetDateTime.parse(s.toUpperCase()).toInstant().toEpochMilli();
        }
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      if (s.length() == 7) {
        return YearMonth.parse(s).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
      }
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      return INVALID;
    }
  }

  private static boolean isEpoch(String s) {
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return false;
    }
    boolean dot = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
