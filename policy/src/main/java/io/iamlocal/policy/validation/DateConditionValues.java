package io.iamlocal.policy.validation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values IAM accepts for a Date condition operator (anything else fails its legacy parser).
 *
 * <p>Derived from the real-AWS recordings: an integer that fits a signed 64-bit number (epoch time,
 * e.g. {@code -292275054}) or a lenient ISO 8601 date-time in which every part after the year is
 * optional and the {@code T} may be lower case ({@code 01T}, {@code 2016-12-13t2:00:00.593194+23}).
 * Refused were words, month 13, a one-digit zone offset ({@code +1}), a ten-digit fraction and
 * {@code 9223372036854775808}.
 */
final class DateConditionValues {

  private static final Pattern DATE =
      Pattern.compile("(-?\\d{1,10})(?:-(\\d{1,9})(?:-(\\d{1,9}))?)?");
  private static final Pattern TIME =
      Pattern.compile(
          "(\\d{1,9})(?::(\\d{1,9})(?::(\\d{1,9})(?:\\.\\d{1,9})?)?)?(z|[+-](\\d\\d)(?::(\\d\\d))?)?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  /** The years a java.util/Joda date can hold, which bound IAM's parser. */
  private static final long MIN_YEAR = -292275054L;

  private static final long MAX_YEAR = 292278993L;

  private DateConditionValues() {}

  static boolean isValid(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (INTEGER.matcher(v).matches()) {
      return fitsLong(v);
    }
    int t = v.indexOf('t');
    String date = t < 0 ? v : v.substring(0, t);
    String time = t < 0 ? "" : v.substring(t + 1);
    return validDate(date) && (time.isEmpty() || validTime(time));
  }

  private static boolean fitsLong(String digits) {
    try {
      Long.parseLong(digits);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private static boolean validDate(String date) {
    Matcher m = DATE.matcher(date);
    return m.matches()
        && inRange(m.group(1), MIN_YEAR, MAX_YEAR)
        && inRange(m.group(2), 1, 12)
        && inRange(m.group(3), 1, 31);
  }

  private static boolean validTime(String time) {
    Matcher m = TIME.matcher(time);
    return m.matches()
        && inRange(m.group(1), 0, 23)
        && inRange(m.group(2), 0, 59)
        && inRange(m.group(3), 0, 59)
        && inRange(m.group(5), 0, 23)
        && inRange(m.group(6), 0, 59);
  }

  /**
   * True when the optional numeric part is absent or within [min, max]; the patterns bound its
   * length.
   */
  private static boolean inRange(String part, long min, long max) {
    if (part == null) {
      return true;
    }
    long n = Long.parseLong(part);
    return n >= min && n <= max;
  }
}
