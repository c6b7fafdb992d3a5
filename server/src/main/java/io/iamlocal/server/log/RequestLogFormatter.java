package io.iamlocal.server.log;

import io.iamlocal.protocol.xml.Utf8Builder;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Turns {@link RequestLogEntry entries} into single log lines without {@code String.format} or
 * per-line date formatting: the {@code yyyy-MM-ddTHH:mm:ss} part of the timestamp is cached per
 * second. Lines are written as UTF-8 bytes: the log thread writes its batch as it is, without a
 * String of it and then its bytes. Not thread-safe: one formatter per writing thread.
 *
 * <p>Text lines are {@code TIME INFO caller=… account=… action=… status=… error=… latency_ms=…
 * request_id=…} ({@code account=} when the account is known); a value with a space, quote, {@code
 * =}, backslash or control character is quoted and escaped, so a hostile {@code Action} cannot
 * forge a line. JSON lines are one object with the same fields.
 */
public final class RequestLogFormatter {
  /** Longest operation name written; longer (hostile) values are cut. */
  static final int MAX_OPERATION = 128;

  private static final String HEX = "0123456789abcdef";
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
    Utf8Builder line = new Utf8Builder(192);
    append(line, entry);
    return line.toString();
  }

  /**
   * Appends one entry as a line, without a line terminator.
   *
   * @param out where to append
   * @param entry the request
   */
  public void append(Utf8Builder out, RequestLogEntry entry) {
    if (format == LogFormat.JSON) {
      appendJson(out, entry);
    } else {
      appendText(out, entry);
    }
  }

  private void appendText(Utf8Builder out, RequestLogEntry e) {
    appendTime(out, e.epochMillis());
    out.ascii(" INFO caller=");
    textValue(out, e.callerArn());
    if (e.account() != null) {
      out.ascii(" account=");
      textValue(out, e.account());
    }
    out.ascii(" action=");
    appendActionText(out, e);
    out.ascii(" status=").number(e.status());
    out.ascii(" error=");
    textValue(out, e.errorCode());
    out.ascii(" latency_ms=");
    appendMillis(out, e.latencyNanos());
    out.ascii(" request_id=");
    textValue(out, e.requestId());
  }

  private void appendJson(Utf8Builder out, RequestLogEntry e) {
    out.ascii("{\"time\":\"");
    appendTime(out, e.epochMillis());
    out.ascii("\",\"level\":\"INFO\",\"caller\":");
    jsonValue(out, e.callerArn());
    if (e.account() != null) {
      out.ascii(",\"account\":");
      jsonValue(out, e.account());
    }
    out.ascii(",\"action\":");
    jsonValue(out, action(e));
    out.ascii(",\"status\":").number(e.status());
    out.ascii(",\"error\":");
    jsonValue(out, e.errorCode());
    out.ascii(",\"latency_ms\":");
    appendMillis(out, e.latencyNanos());
    out.ascii(",\"request_id\":");
    jsonValue(out, e.requestId());
    out.ascii('}');
  }

  /** The last text entry's service and operation, and their {@code action=} value as written. */
  private String lastService;

  private String lastOperation;
  private byte[] lastActionText;

  /**
   * The action's value; consecutive lines mostly name the same one, so it is written from the last
   * line's text when the service and operation are the same.
   */
  private void appendActionText(Utf8Builder out, RequestLogEntry e) {
    String operation = e.operation();
    if (operation == null
        || !operation.equals(lastOperation)
        || !java.util.Objects.equals(e.service(), lastService)) {
      Utf8Builder text = new Utf8Builder(32);
      textValue(text, action(e));
      lastService = e.service();
      lastOperation = operation;
      lastActionText = text.toBytes();
    }
    out.bytes(lastActionText);
  }

  private static String action(RequestLogEntry e) {
    String action = e.action();
    int max = MAX_OPERATION + (e.service() == null ? 0 : e.service().length() + 1);
    return action != null && action.length() > max ? action.substring(0, max) + "..." : action;
  }

  /** ISO-8601 UTC with milliseconds, e.g. {@code 2025-01-31T09:15:02.042Z}. */
  void appendTime(Utf8Builder out, long epochMillis) {
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
    out.ascii(cachedPrefix).digits((int) Math.floorMod(epochMillis, 1000), 3).ascii('Z');
  }

  /** Milliseconds with three decimals (microsecond resolution), e.g. {@code 0.412}. */
  static void appendMillis(Utf8Builder out, long nanos) {
    long micros = Math.max(0, nanos) / 1000;
    out.number(micros / 1000).ascii('.').digits((int) (micros % 1000), 3);
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
      if (value < bound) {
        out.append('0');
      }
    }
    return out.append(value);
  }

  /** A logfmt value: bare when safe, otherwise quoted with escapes; {@code -} for null. */
  static void textValue(Utf8Builder out, String value) {
    if (value == null) {
      out.ascii('-');
      return;
    }
    if (!value.isEmpty() && isBare(value)) {
      out.ascii(value); // printable ASCII
      return;
    }
    out.ascii('"');
    escape(out, value);
    out.ascii('"');
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
  static void jsonValue(Utf8Builder out, String value) {
    if (value == null) {
      out.ascii("null");
      return;
    }
    out.ascii('"');
    escape(out, value);
    out.ascii('"');
  }

  /**
   * Escapes quotes, backslashes, control characters (C0, DEL, C1), line and paragraph separators
   * and lone surrogates; other characters, including valid non-ASCII text, pass through.
   */
  private static void escape(Utf8Builder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.ascii("\\\"");
        case '\\' -> out.ascii("\\\\");
        case '\n' -> out.ascii("\\n");
        case '\r' -> out.ascii("\\r");
        case '\t' -> out.ascii("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.codePoint(Character.toCodePoint(c, value.charAt(++i)));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.codePoint(c);
          }
        }
      }
    }
  }

  private static void unicodeEscape(Utf8Builder out, char c) {
    out.ascii("\\u")
        .ascii(HEX.charAt((c >> 12) & 0xF))
        .ascii(HEX.charAt((c >> 8) & 0xF))
        .ascii(HEX.charAt((c >> 4) & 0xF))
        .ascii(HEX.charAt(c & 0xF));
  }
}
