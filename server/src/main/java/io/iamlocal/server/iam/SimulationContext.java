package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The simulator's ContextEntries: key name, ContextKeyType and values. Values must be of the type
 * given (a {@code numeric} key with {@code abc} is InvalidInput). Keys are case-insensitive, so two
 * entries differing only in case are merged by the evaluator's request context.
 */
final class SimulationContext {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/\\d{1,2})?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/\\d{1,3})?");

  private SimulationContext() {}

  /** Key name to values, in entry order. */
  static Map<String, List<String>> parse(List<Params> entries) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Params entry : entries) {
      String name = entry.string("ContextKeyName");
      if (name == null) {
        throw AwsServiceException.invalidInput("Context entries must have a ContextKeyName.");
      }
      String type = entry.string("ContextKeyType", "string");
      List<String> values = entry.strings("ContextKeyValues");
      boolean list = type.endsWith("List");
      String base = list ? type.substring(0, type.length() - "List".length()) : type;
      for (String value : values) {
        if (!valid(base, value)) {
          throw AwsServiceException.invalidInput(
              "Invalid value " + value + " for context key " + name + " of type " + type + ".");
        }
      }
      out.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
    }
    return out;
  }

  private static boolean valid(String type, String value) {
    String v = value.trim();
    return switch (type) {
      case "numeric" -> number(v);
      case "boolean" -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
      case "ip" -> ip(v);
      case "binary" -> base64(v);
      case "date" -> date(v);
      default -> true;
    };
  }

  private static boolean number(String v) {
    try {
      new BigDecimal(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean ip(String v) {
    var m = IPV4.matcher(v);
    if (m.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          return false;
        }
      }
      return m.group(5) == null || Integer.parseInt(m.group(5).substring(1)) <= 32;
    }
    return IPV6.matcher(v).matches() && v.indexOf(":::") < 0;
  }

  private static boolean base64(String v) {
    try {
      Base64.getDecoder().decode(v);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Epoch seconds or the W3C profile of ISO 8601, as the Date operators accept. */
  private static boolean date(String v) {
    if (number(v)) {
      return true;
    }
    String s = v.toUpperCase(Locale.ROOT);
    try {
      if (s.indexOf('T') >= 0) {
        if (s.endsWith("Z")
            || s.lastIndexOf('+') > s.indexOf('T')
            || s.lastIndexOf('-') > s.indexOf('T')) {
          OffsetDateTime.parse(s);
        } else {
          LocalDateTime.parse(s);
        }
      } else if (s.length() == 7) {
        YearMonth.parse(s);
      } else {
        LocalDate.parse(s);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
