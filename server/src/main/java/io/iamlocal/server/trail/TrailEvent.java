package io.iamlocal.server.trail;

import io.iamlocal.protocol.model.Shape;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One IAM, STS or S3 call as the trail keeps it: the raw facts, cheap to collect on the event loop.
 * The CloudTrail record ({@link CloudTrailRecord}) is rendered from them only when someone reads it
 * (LookupEvents, the file writer), and then kept.
 *
 * <p>The ring keeps a thousand of these alive across young collections, so what one retains is kept
 * small and flat: the request ID as two numbers when it is a UUID, the connection facts in an
 * {@link Origin} shared with the previous calls of the thread, and the policy decisions without the
 * call they were made for ({@link AuthorizationCheck#retained}).
 */
public final class TrailEvent {
  final long epochMillis;
  private final long idHigh;
  private final long idLow;
  private String eventId;
  private final long requestIdHigh;
  private final long requestIdLow;

  /** The request ID when it is not a lower-case UUID (S3's), else null: it is the two longs. */
  private final String requestIdText;

  final Object accountToken;
  final String accountId;
  final String service;
  final String eventName;
  final String region;
  final Caller caller;
  final Origin origin;
  final Payload payload;
  final String errorCode;
  final String errorMessage;
  final boolean readOnly;

  /** The checks: one {@link AuthorizationCheck} (most calls), a list of several, or null. */
  private final Object checks;

  private volatile String rendered;

  /** Connection facts of the request. */
  public record Request(
      String requestId, String sourceIp, String userAgent, String host, boolean secure) {}

  /**
   * Where a call came from and which region it named: the same for every call of a client, so one
   * copy serves them all ({@link #of} reuses the previous one of the thread when equal).
   */
  record Origin(String sourceIp, String userAgent, String host, boolean secure, String region) {
    private static final ThreadLocal<Origin[]> LAST = ThreadLocal.withInitial(() -> new Origin[1]);

    static Origin of(Request request, String region) {
      Origin[] last = LAST.get();
      Origin previous = last[0];
      if (previous != null
          && previous.secure == request.secure()
          && Objects.equals(previous.sourceIp, request.sourceIp())
          && Objects.equals(previous.userAgent, request.userAgent())
          && Objects.equals(previous.host, request.host())
          && Objects.equals(previous.region, region)) {
        return previous;
      }
      Origin origin =
          new Origin(
              request.sourceIp(), request.userAgent(), request.host(), request.secure(), region);
      last[0] = origin;
      return origin;
    }
  }

  /**
   * What was asked and answered. For IAM and STS: the decoded input with its shape, and the output
   * with its shape (kept for writes only: CloudTrail logs no response elements for reads). For S3:
   * CloudTrail's request parameters as they are, and the resources touched.
   */
  public record Payload(
      Shape inputShape,
      Map<String, Object> input,
      Shape outputShape,
      Map<String, ?> output,
      Map<String, Object> s3Parameters,
      List<String[]> resources,
      boolean dataEvent) {

    private static final ThreadLocal<Payload[]> LAST_EMPTY =
        ThreadLocal.withInitial(() -> new Payload[1]);

    /**
     * A call's payload; a read without input (GetUser of the caller, GetCallerIdentity) shares the
     * previous one of the thread for the same operation.
     */
    public static Payload query(
        Shape inputShape, Map<String, Object> input, Shape outputShape, Map<String, ?> output) {
      if (output != null || input == null || !input.isEmpty()) {
        return new Payload(inputShape, input, outputShape, output, null, List.of(), false);
      }
      Payload[] last = LAST_EMPTY.get();
      Payload previous = last[0];
      if (previous != null
          && previous.inputShape == inputShape
          && previous.outputShape == outputShape) {
        return previous;
      }
      last[0] = new Payload(inputShape, input, outputShape, null, null, List.of(), false);
      return last[0];
    }

    /** {@code resources}: pairs of CloudTrail resource type and ARN. */
    public static Payload s3(
        Map<String, Object> parameters, List<String[]> resources, boolean dataEvent) {
      return new Payload(null, null, null, null, parameters, resources, dataEvent);
    }
  }

  public TrailEvent(
      long epochMillis,
      AccountState account,
      String service,
      String eventName,
      String region,
      Caller caller,
      Request request,
      Payload payload,
      String errorCode,
      String errorMessage,
      boolean readOnly,
      List<AuthorizationCheck> checks) {
    this.epochMillis = epochMillis;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // A random (version 4) UUID without SecureRandom: event IDs need to be unique, not unguessable.
    // Formatted on first read: most events are never read.
    this.idHigh = (random.nextLong() & ~0xF000L) | 0x4000L;
    this.idLow = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    this.accountToken = TrailAccountToken.of(account);
    this.accountId = account.accountId();
    this.service = service;
    this.eventName = eventName;
    this.origin = Origin.of(request, region);
    this.region = origin.region;
    this.caller = caller;
    String requestId = request.requestId();
    Uuids.Made made = Uuids.lastMadeAs(requestId);
    if (made != null) {
      this.requestIdHigh = made.high;
      this.requestIdLow = made.low;
      this.requestIdText = null;
    } else if (Uuids.isLowerCase(requestId)) {
      this.requestIdHigh = Uuids.high(requestId);
      this.requestIdLow = Uuids.low(requestId);
      this.requestIdText = null;
    } else {
      this.requestIdHigh = 0;
      this.requestIdLow = 0;
      this.requestIdText = requestId;
    }
    this.payload = payload;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.readOnly = readOnly;
    this.checks = retained(checks);
  }

  /** The checks as the ring keeps them: without their calls; a single one without a list. */
  private static Object retained(List<AuthorizationCheck> checks) {
    if (checks == null) {
      return null;
    }
    return switch (checks.size()) {
      case 0 -> List.of();
      case 1 -> checks.get(0).retained();
      default -> checks.stream().map(AuthorizationCheck::retained).toList();
    };
  }

  public long epochMillis() {
    return epochMillis;
  }

  public String eventId() {
    String id = eventId;
    if (id == null) {
      id = Uuids.format(idHigh, idLow);
      eventId = id; // racy but idempotent: every thread formats the same text
    }
    return id;
  }

  /** The ID the response carried. */
  public String requestId() {
    return requestIdText != null ? requestIdText : Uuids.format(requestIdHigh, requestIdLow);
  }

  public String eventName() {
    return eventName;
  }

  /** {@code iam.amazonaws.com}, {@code sts.amazonaws.com} or {@code s3.amazonaws.com}. */
  public String eventSource() {
    return service + ".amazonaws.com";
  }

  public Caller caller() {
    return caller;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /**
   * S3 object calls are data events, which CloudTrail's event history (LookupEvents) leaves out.
   */
  public boolean managementEvent() {
    return !payload.dataEvent();
  }

  @SuppressWarnings("unchecked")
  public List<AuthorizationCheck> checks() {
    return checks instanceof AuthorizationCheck single
        ? List.of(single)
        : (List<AuthorizationCheck>) checks;
  }

  /** Whether the event happened in {@code account}'s current life (not before a reset). */
  public boolean belongsTo(AccountState account) {
    return accountToken == TrailAccountToken.of(account);
  }

  /** The CloudTrail record as JSON text, rendered once. */
  public String json() {
    String json = rendered;
    if (json == null) {
      json = CloudTrailRecord.render(this).toString();
      rendered = json;
    }
    return json;
  }

  /** The user name event history shows: the IAM user's, {@code root}, or the session's name. */
  public String username() {
    if (caller == null || caller.arn() == null) {
      return null;
    }
    if (caller.isRoot()) {
      return "root";
    }
    if (caller.user() != null) {
      return caller.user().userName();
    }
    return caller.session() == null ? null : caller.session().sessionName();
  }

  /** The resources event history lists for the call: pairs of resource type and name. */
  public List<String[]> resources() {
    return CloudTrailRecord.resources(this);
  }
}
