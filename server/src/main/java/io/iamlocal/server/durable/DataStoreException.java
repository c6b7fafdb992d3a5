package io.iamlocal.server.durable;

/**
 * The data directory cannot be used: corrupted, written by a newer IAMLocal, for another account,
 * or in use by another process. The server refuses to start rather than start empty.
 */
public final class DataStoreException extends RuntimeException {
  public DataStoreException(String message) {
    super(message);
  }

  public DataStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
