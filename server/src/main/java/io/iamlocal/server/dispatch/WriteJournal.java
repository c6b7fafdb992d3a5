package io.iamlocal.server.dispatch;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a handler, and with a data directory journals the call so that it survives a restart. {@link
 * #NONE} (no data directory) just runs the handler. A journaling implementation leaves the
 * durability of the call's response on this thread ({@link #takePending()}), for the network layer
 * to send the response only once the journal entry is on disk.
 */
public interface WriteJournal {
  /** No journal: the handler runs, nothing else happens. */
  WriteJournal NONE = (service, registered, call, params) -> registered.handler().handle(call);

  /**
   * Runs {@code registered}'s handler for {@code call} (under the account lock, after
   * authorization); {@code params} are the request's Query parameters.
   */
  Map<String, ?> run(
      String service,
      OperationRegistry.Registered registered,
      OperationCall call,
      Map<String, String> params);

  /** Leaves on this thread the future the current response must wait for. */
  static void setPending(CompletableFuture<Void> durable) {
    Pending.CURRENT.set(durable);
  }

  /** The future the response being produced on this thread must wait for, or null; clears it. */
  static CompletableFuture<Void> takePending() {
    CompletableFuture<Void> pending = Pending.CURRENT.get();
    if (pending != null) {
      Pending.CURRENT.remove();
    }
    return pending;
  }

  /** Holder of the per-thread pending durability. */
  final class Pending {
    private static final ThreadLocal<CompletableFuture<Void>> CURRENT = new ThreadLocal<>();

    private Pending() {}
  }
}
