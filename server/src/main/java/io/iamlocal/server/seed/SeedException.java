package io.iamlocal.server.seed;

/**
 * A seed file that cannot be applied; the message names the file and line of the offending entry.
 */
public final class SeedException extends RuntimeException {
  public SeedException(String message) {
    super(message);
  }

  public SeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
