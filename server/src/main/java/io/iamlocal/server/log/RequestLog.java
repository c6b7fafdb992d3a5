package io.iamlocal.server.log;

/**
 * Receives one entry per AWS API request once its response is ready. {@link #record} runs on the
 * Netty event loop, so implementations must be thread-safe and must not block: format and write
 * elsewhere, as {@link AsyncRequestLog} does.
 */
public interface RequestLog extends AutoCloseable {

  /** A log that discards every entry. */
  RequestLog NONE = entry -> {};

  /**
   * Takes one finished request. Must return quickly and never throw.
   *
   * @param entry what happened; it holds no secrets, only ARNs, the action and the outcome
   */
  void record(RequestLogEntry entry);

  /** Writes what is still buffered and releases resources; the default does nothing. */
  @Override
  default void close() {}
}
