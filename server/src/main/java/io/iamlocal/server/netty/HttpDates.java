package io.iamlocal.server.netty;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The {@code Date} header's IMF-fixdate (RFC 9110: {@code Sun, 06 Nov 1994 08:49:37 GMT}), written
 * with fixed English names. {@code DateTimeFormatter}'s day and month names come from the JDK's
 * locale data, whose first load (CLDR providers and resource bundles) was on the path of the first
 * answer after start. S3's {@code Last-Modified} uses the same form.
 */
public final class HttpDates {
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private HttpDates() {}

  /** The IMF-fixdate of the UTC second {@code epochSecond} (years 0 to 9999). */
  public static String imfFixdate(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(29);
    out.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
    twoDigits(out, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
    int year = t.getYear();
    twoDigits(twoDigits(out, year / 100), year % 100).append(' ');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    return twoDigits(out, t.getSecond()).append(" GMT").toString();
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
