package io.iamlocal.server.log;

import java.util.Locale;

/** How request log lines are written. */
public enum LogFormat {
  /** {@code key=value} pairs after a timestamp and level, for people (logfmt style). */
  TEXT,
  /** One JSON object per line, for log shippers. */
  JSON;

  /**
   * Reads a format name as given on the command line.
   *
   * @param name {@code text} or {@code json}, in any case
   * @return the format
   * @throws IllegalArgumentException for any other name
   */
  public static LogFormat parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "json" -> JSON;
      default -> throw new IllegalArgumentException("log format must be text or json, not " + name);
    };
  }
}
