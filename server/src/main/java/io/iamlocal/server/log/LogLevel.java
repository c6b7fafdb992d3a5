package io.iamlocal.server.log;

import java.util.Locale;

/**
 * The least severe level that is logged. Request lines are {@link #INFO}, so {@code WARN} and above
 * silence them while keeping reports of internal failures.
 */
public enum LogLevel {
  /** Everything. */
  DEBUG(java.util.logging.Level.FINE),
  /** Request lines and above (the default). */
  INFO(java.util.logging.Level.INFO),
  /** Warnings and errors only: no request lines. */
  WARN(java.util.logging.Level.WARNING),
  /** Errors only. */
  ERROR(java.util.logging.Level.SEVERE),
  /** Nothing at all. */
  OFF(java.util.logging.Level.OFF);

  private final java.util.logging.Level julLevel;

  LogLevel(java.util.logging.Level julLevel) {
    this.julLevel = julLevel;
  }

  /**
   * Whether request lines (logged at {@link #INFO}) pass this threshold.
   *
   * @return true for {@link #DEBUG} and {@link #INFO}
   */
  public boolean logsRequests() {
    return compareTo(INFO) <= 0;
  }

  /**
   * The matching {@code java.util.logging} level, for the server's own diagnostics.
   *
   * @return the JUL level
   */
  public java.util.logging.Level julLevel() {
    return julLevel;
  }

  /**
   * Reads a level name as given on the command line.
   *
   * @param name {@code debug}, {@code info}, {@code warn} (or {@code warning}), {@code error} or
   *     {@code off}, in any case
   * @return the level
   * @throws IllegalArgumentException for any other name
   */
  public static LogLevel parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "debug" -> DEBUG;
      case "info" -> INFO;
      case "warn", "warning" -> WARN;
      case "error" -> ERROR;
      case "off" -> OFF;
      default ->
          throw new IllegalArgumentException(
              "log level must be debug, info, warn, error or off, not " + name);
    };
  }
}
