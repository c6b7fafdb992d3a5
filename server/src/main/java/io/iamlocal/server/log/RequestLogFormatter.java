package io.iamlocal.server.log;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Turns {@link RequestLogEntry entries} into single log lines without {@code String.format} or
 * per-line date formatting: the {@code yyyy-MM-ddTHH:mm:ss} part of the timestamp is cached per
 * second. Not thread-safe: one formatter per writing thread.
 *
 * <p>Text lines are {@code TIME INFO caller=… account=… action=… status=… error=… latency_ms=…
 * request_id=…} ({@code account=} when the account is known); a value with a space, quote, {@code
 * =}, backslash or control character is quoted and escaped, so a hostile {@code Action} cannot
 * forge a line. JSON lines are one object with the same fields.
 */
public final class RequestLogFormatter {
  /** Longest operation name written; longer (hostile) values are cut. */
  static final int MAX_OPERATION = 128;

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final LogFormat format;
  private long cachedSecond = Long.MIN_VALUE;
  private String cachedPrefix = "";

  /**
   * A formatter for one format.
   *
   * @param format text or JSON
   */
  public RequestLogFormatter(LogFormat format) {
    this.format = format;
  }

  /**
   * Formats one entry as a complete line.
   *
   * @param entry the request
   * @return the line, without a line terminator
   */
  public String format(RequestLogEntry entry) {
    StringBuilder line = new StringBuilder(192);
    append(line, entry);
    return line.toString();
  }

  /**
   * Appends one entry as a line, without a line terminator.
   *
   * @param out where to append
   * @param entry the request
   */
  public void append(StringBuilder out, RequestLogEntry entry) {
    if (format == LogFormat.JSON) {
      appendJson(out, entry);
    } else {
      appendText(out, entry);
    }
  }

  private void appendText(StringBuilder out, RequestLogEntry e) {
    appendTime(out, e.epochMillis());
    out.append(" INFO caller=");
    textValue(out, e.callerArn());
    if (e.account() != null) {
      out.append(" account=");
      textValue(out, e.account());
    }
    out.append(" action=");
    appendActionText(out, e);
    out.append(" status=").append(e.status());
    out.append(" error=");
    textValue(out, e.errorCode());
    out.append(" latency_ms=");
    appendMillis(out, e.latencyNanos());
    out.append(" request_id=");
    textValue(out, e.requestId());
  }

  private void appendJson(StringBuilder out, RequestLogEntry e) {
    out.append("{\"time\":\"");
    appendTime(out, e.epochMillis());
    out.append("\",\"level\":\"INFO\",\"caller\":");
    jsonValue(out, e.callerArn());
    if (e.account() != null) {
      out.append(",\"account\":");
      jsonValue(out, e.account());
    }
    out.append(",\"action\":");
    jsonValue(out, action(e));
    out.append(",\"status\":").append(e.status());
    out.append(",\"error\":");
    jsonValue(out, e.errorCode());
    out.append(",\"latency_ms\":");
    appendMillis(out, e.latencyNanos());
    out.append(",\"request_id\":");
    jsonValue(out, e.requestId());
    out.append('}');
  }

  /** The last text entry's service and operation, and their {@code action=} value as written. */
  private String lastService;

  private String lastOperation;
  private String lastActionText;

  /**
   * The action's value; consecutive lines mostly name the same one, so it is written from the last
   * line's text when the service and operation are the same.
   */
  private void appendActionText(StringBuilder out, RequestLogEntry e) {
    String operation = e.operation();
    if (operation == null
        || !operation.equals(lastOperation)
        || !java.util.Objects.equals(e.service(), lastService)) {
      StringBuilder text = new StringBuilder(32);
      textValue(text, action(e));
      lastService = e.service();
      lastOperation = operation;
      lastActionText = text.toString();
    }
    out.append(lastActionText);
  }

  private static String action(RequestLogEntry e) {
    String action = e.action();
    int max = MAX_OPERATION + (e.service() == null ? 0 : e.service().length() + 1);
    return action != null && action.length() > max ? action.substring(0, max) + "..." : action;
  }

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2025-01-31T09:15:02.042Z}. */
  void appendTime(StringBuilder out, long epochMillis) {
    long second = Math.floorDiv(epochMillis, 1000);
    if (second != cachedSecond) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
      StringBuilder prefix = new StringBuilder(20);
      pad(prefix, t.getYear(), 4).append('-');
      pad(prefix, t.getMonthValue(), 2).append('-');
      pad(prefix, t.getDayOfMonth(), 2).append('T');
      pad(prefix, t.getHour(), 2).append(':');
      pad(prefix, t.getMinute(), 2).append(':');
      pad(prefix, t.getSecond(), 2).append('.');
      cachedPrefix = prefix.toString();
      cachedSecond = second;
    }
    out.append(cachedPrefix);
    pad(out, (int) Math.floorMod(epochMillis, 1000), 3).append('Z');
  }

  /** Milliseconds with three decimals (microsecond resolution), e.g. {@code 0.412}. */
  static void appendMillis(StringBuilder out, long nanos) {
    long micros = Math.max(0, nanos) / 1000;
    out.append(micros / 1000).append('.');
    pad(out, (int) (micros % 1000), 3);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    int digits = value <= 0 ? 1 : (int) Math.log10(value) + 1;
    for (int i = digits; i < width; i++) {
      out.append('0');
    }
    return out.append(value);
  }

  /** A logfmt value: bare when safe, otherwise quoted with escapes; {@code -} for null. */
  static void textValue(StringBuilder out, String value) {
    if (value == null) {
      out.append('-');
      return;
    }
    if (!value.isEmpty() && isBare(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    escape(out, value);
    out.append('"');
  }

  private static boolean isBare(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** A JSON string literal, or {@code null}. */
  static void jsonValue(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    escape(out, value);
    out.append('"');
  }

  /**
   * Escapes quotes, backslashes, control characters (C0, DEL, C1), line and paragraph separators
   * and lone surrogates; other characters, including valid non-ASCII text, pass through.
   */
  private static void escape(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
