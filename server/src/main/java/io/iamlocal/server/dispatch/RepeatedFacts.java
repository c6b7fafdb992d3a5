package io.iamlocal.server.dispatch;

import java.util.Objects;

/**
 * The connection facts and region of the previous call dispatched on this thread, handed out again
 * when the next call's are equal: a client sends the same ones call after call, and the trail keeps
 * them with each of its last thousand events (in their condition-key recipes), so sharing one copy
 * keeps the retained events small. Thread-confined: each event loop has its own.
 */
final class RepeatedFacts {
  private static final ThreadLocal<RepeatedFacts> LAST =
      ThreadLocal.withInitial(RepeatedFacts::new);
  private OperationCall.RequestFacts facts;
  private String region;

  private RepeatedFacts() {}

  /** Facts equal to the given ones, the previous call's instance when it is equal. */
  static OperationCall.RequestFacts facts(String sourceIp, boolean secure, String userAgent) {
    RepeatedFacts last = LAST.get();
    OperationCall.RequestFacts previous = last.facts;
    if (previous != null
        && previous.secureTransport() == secure
        && Objects.equals(previous.sourceIp(), sourceIp)
        && Objects.equals(previous.userAgent(), userAgent)) {
      return previous;
    }
    last.facts = new OperationCall.RequestFacts(sourceIp, secure, userAgent);
    return last.facts;
  }

  /** {@code region}, or the previous call's equal string. */
  static String region(String region) {
    RepeatedFacts last = LAST.get();
    if (region != null && region.equals(last.region)) {
      return last.region;
    }
    last.region = region;
    return region;
  }
}
