package io.iamlocal.server.trail;

import io.iamlocal.protocol.model.Shape;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One IAM, STS or S3 call as the trail keeps it: the raw facts, cheap to collect on the event loop.
 * The CloudTrail record ({@link CloudTrailRecord}) is rendered from them only when someone reads it
 * (LookupEvents, the file writer), and then kept.
 */
public final class TrailEvent {
  final long epochMillis;
  private final long idHigh;
  private final long idLow;
  private String eventId;
  final Object accountToken;
  final String accountId;
  final String service;
  final String eventName;
  final String region;
  final Caller caller;
  final Request request;
  final Payload payload;
  final String errorCode;
  final String errorMessage;
  final boolean readOnly;
  final List<AuthorizationCheck> checks;
  private volatile String rendered;

  /** Connection facts of the request. */
  public record Request(
      String requestId, String sourceIp, String userAgent, String host, boolean secure) {}

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

    public static Payload query(
        Shape inputShape, Map<String, Object> input, Shape outputShape, Map<String, ?> output) {
      return new Payload(inputShape, input, outputShape, output, null, List.of(), false);
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
    this.region = region;
    this.caller = caller;
    this.request = request;
    this.payload = payload;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.readOnly = readOnly;
    this.checks = checks;
  }

  public long epochMillis() {
    return epochMillis;
  }

  public String eventId() {
    String id = eventId;
    if (id == null) {
      id = new UUID(idHigh, idLow).toString();
      eventId = id; // racy but idempotent: every thread formats the same text
    }
    return id;
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

  public List<AuthorizationCheck> checks() {
    return checks;
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
