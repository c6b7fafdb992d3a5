package io.iamlocal.server.state;

import java.time.Instant;
import java.util.List;

/**
 * A temporary delegation request: what a partner asks for and where it is in its lifecycle
 * (UNASSIGNED → ASSIGNED → [PENDING_APPROVAL →] ACCEPTED → FINALIZED, or REJECTED / EXPIRED), per
 * the IAM User Guide's "Building your integration" page. Guarded by the account lock.
 */
public final class DelegationRequest {
  /** One parameter of the requested permission template. */
  public record Parameter(String name, String type, List<String> values) {}

  private final String id;
  private final Partition partition;
  private final String requestorAccountId;
  private final String description;
  private final String policyTemplateArn;
  private final List<Parameter> parameters;
  private final String requestMessage;
  private final String requestorWorkflowId;
  private final String redirectUrl;
  private final String notificationChannel;
  private final int sessionDuration;
  private final boolean onlySendByOwner;
  private final Instant createDate;
  private final Instant expirationTime;
  private String ownerAccountId;
  private String ownerId;
  private String approverId;
  private String state;
  private String notes;
  private String rejectionReason;
  private Instant updatedTime;

  public DelegationRequest(
      String id,
      Partition partition,
      String requestorAccountId,
      String ownerAccountId,
      String description,
      String policyTemplateArn,
      List<Parameter> parameters,
      String requestMessage,
      String requestorWorkflowId,
      String redirectUrl,
      String notificationChannel,
      int sessionDuration,
      boolean onlySendByOwner,
      Instant now,
      Instant expirationTime) {
    this.id = id;
    this.partition = partition;
    this.requestorAccountId = requestorAccountId;
    this.ownerAccountId = ownerAccountId;
    this.description = description;
    this.policyTemplateArn = policyTemplateArn;
    this.parameters = List.copyOf(parameters);
    this.requestMessage = requestMessage;
    this.requestorWorkflowId = requestorWorkflowId;
    this.redirectUrl = redirectUrl;
    this.notificationChannel = notificationChannel;
    this.sessionDuration = sessionDuration;
    this.onlySendByOwner = onlySendByOwner;
    this.createDate = now;
    this.updatedTime = now;
    this.expirationTime = expirationTime;
    this.state = "UNASSIGNED";
  }

  public String id() {
    return id;
  }

  public String arn() {
    return Arns.iam(partition, requestorAccountId, "delegation-request", "/", id);
  }

  public String requestorAccountId() {
    return requestorAccountId;
  }

  public String description() {
    return description;
  }

  public String policyTemplateArn() {
    return policyTemplateArn;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public String requestMessage() {
    return requestMessage;
  }

  public String requestorWorkflowId() {
    return requestorWorkflowId;
  }

  public String redirectUrl() {
    return redirectUrl;
  }

  public String notificationChannel() {
    return notificationChannel;
  }

  public int sessionDuration() {
    return sessionDuration;
  }

  public boolean onlySendByOwner() {
    return onlySendByOwner;
  }

  public Instant createDate() {
    return createDate;
  }

  public Instant expirationTime() {
    return expirationTime;
  }

  public String ownerAccountId() {
    return ownerAccountId;
  }

  public String ownerId() {
    return ownerId;
  }

  public String approverId() {
    return approverId;
  }

  /** The state, EXPIRED once the expiration time has passed before the request was finalized. */
  public String state(Instant now) {
    if (!"FINALIZED".equals(state) && !"REJECTED".equals(state) && !now.isBefore(expirationTime)) {
      return "EXPIRED";
    }
    return state;
  }

  public String notes() {
    return notes;
  }

  public String rejectionReason() {
    return rejectionReason;
  }

  public Instant updatedTime() {
    return updatedTime;
  }

  public void associate(String accountId, String principalArn, Instant now) {
    this.ownerAccountId = accountId;
    this.ownerId = principalArn;
    transition("ASSIGNED", now);
  }

  public void forwardForApproval(String newNotes, Instant now) {
    this.notes = newNotes;
    transition("PENDING_APPROVAL", now);
  }

  public void accept(String approverArn, Instant now) {
    this.approverId = approverArn;
    transition("ACCEPTED", now);
  }

  public void reject(String reason, Instant now) {
    this.rejectionReason = reason;
    transition("REJECTED", now);
  }

  public void finalizeRequest(Instant now) {
    transition("FINALIZED", now);
  }

  private void transition(String next, Instant now) {
    this.state = next;
    this.updatedTime = now;
  }
}
