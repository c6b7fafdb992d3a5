package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.DelegationRequest;
import io.iamlocal.server.state.DelegationRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Temporary delegation requests, created and handled within IAMLocal's one account: create, get,
 * list, associate, update (forward for approval), accept, reject and send the token, each allowed
 * only from the lifecycle states the IAM User Guide lists; plus GetHumanReadableSummary, whose only
 * supported entity type is a delegation request.
 */
public final class DelegationRequestOperations implements Operations {
  /** How long a request stays open before it expires (not documented; a week). */
  static final Duration REQUEST_LIFETIME = Duration.ofDays(7);

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateDelegationRequest",
        this::create,
        resource(
            ResourceForm.ACCOUNT,
            "the request's ID is minted by the call: no ARN exists to authorize against"));
    registry.register("iam", "GetDelegationRequest", this::get);
    registry.register("iam", "ListDelegationRequests", this::list);
    registry.register("iam", "AssociateDelegationRequest", this::associate);
    registry.register(
        "iam",
        "UpdateDelegationRequest",
        this::update,
        lock(
            LockMode.WRITE,
            "newer than the authorization reference's last publication; it changes the request"),
        resource(
            ResourceForm.DELEGATION_REQUEST,
            "DelegationRequestId",
            "not in the reference yet (newer than its last publication)"));
    registry.register("iam", "AcceptDelegationRequest", this::accept);
    registry.register("iam", "RejectDelegationRequest", this::reject);
    registry.register("iam", "SendDelegationToken", this::sendToken);
    registry.register(
        "iam",
        "GetHumanReadableSummary",
        this::humanReadableSummary,
        resource(ResourceForm.ARN, "EntityArn", "the delegation request is named by its ARN"));
  }

  private Map<String, ?> create(OperationCall call) {
    Params p = call.params();
    Params permissions = p.struct("Permissions");
    List<DelegationRequest.Parameter> parameters =
        permissions.structs("Parameters").stream()
            .map(
                x ->
                    new DelegationRequest.Parameter(
                        x.string("Name"), x.string("Type"), x.strings("Values")))
            .toList();
    String id =
        "dr-"
            + call.account()
                .ids()
                .randomChars("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray(), 24);
    Instant now = call.now();
    DelegationRequest request =
        new DelegationRequest(
            id,
            call.account().partition(),
            call.account().accountId(),
            p.string("OwnerAccountId"),
            p.string("Description"),
            permissions.string("PolicyTemplateArn"),
            parameters,
            p.string("RequestMessage"),
            p.string("RequestorWorkflowId"),
            p.string("RedirectUrl"),
            p.string("NotificationChannel"),
            p.integer("SessionDuration"),
            p.bool("OnlySendByOwner", false),
            now,
            now.plus(REQUEST_LIFETIME));
    DelegationRequests.of(call.account()).put(request);
    return new Struct()
        .with(
            "ConsoleDeepLink", "https://console.aws.amazon.com/iam/home#/delegation-requests/" + id)
        .with("DelegationRequestId", id);
  }

  private Map<String, ?> get(OperationCall call) {
    DelegationRequest request = require(call);
    Struct out = Struct.of("DelegationRequest", view(request, call.now()));
    if (call.params().bool("DelegationPermissionCheck", false)) {
      // Whether the caller could grant the requested permissions needs policy evaluation of a
      // template
      // IAMLocal does not have; UNSURE is the documented answer for an inconclusive check.
      out.with("PermissionCheckStatus", "COMPLETE").with("PermissionCheckResult", "UNSURE");
    }
    return out;
  }

  private Map<String, ?> list(OperationCall call) {
    String ownerId = call.params().string("OwnerId");
    List<DelegationRequest> matching =
        DelegationRequests.of(call.account()).all().stream()
            .filter(r -> ownerId == null || ownerId.equals(r.ownerId()))
            .toList();
    Struct page = Pagination.page(call, matching, "DelegationRequests", r -> view(r, call.now()));
    // This output spells the flag isTruncated (lower case) in the model.
    page.put("isTruncated", page.remove("IsTruncated"));
    return page;
  }

  private Map<String, ?> associate(OperationCall call) {
    DelegationRequest request = require(call);
    String accountId = call.account().accountId();
    if (request.ownerAccountId() != null && !request.ownerAccountId().equals(accountId)) {
      throw AwsServiceException.invalidInput(
          "Delegation request " + request.id() + " is addressed to another account.");
    }
    requireState(request, call.now(), Set.of("UNASSIGNED"));
    request.associate(accountId, call.caller().arn(), call.now());
    return null;
  }

  private Map<String, ?> update(OperationCall call) {
    DelegationRequest request = require(call);
    requireState(request, call.now(), Set.of("ASSIGNED", "PENDING_APPROVAL"));
    request.forwardForApproval(call.params().string("Notes"), call.now());
    return null;
  }

  private Map<String, ?> accept(OperationCall call) {
    DelegationRequest request = require(call);
    requireState(request, call.now(), Set.of("ASSIGNED", "PENDING_APPROVAL"));
    request.accept(call.caller().arn(), call.now());
    return null;
  }

  private Map<String, ?> reject(OperationCall call) {
    DelegationRequest request = require(call);
    requireState(
        request, call.now(), Set.of("UNASSIGNED", "ASSIGNED", "PENDING_APPROVAL", "ACCEPTED"));
    request.reject(call.params().string("Notes"), call.now());
    return null;
  }

  private Map<String, ?> sendToken(OperationCall call) {
    DelegationRequest request = require(call);
    requireState(request, call.now(), Set.of("ACCEPTED"));
    if (request.onlySendByOwner() && !call.caller().arn().equals(request.ownerId())) {
      throw AwsServiceException.invalidInput(
          "Only the owner of delegation request " + request.id() + " can send its token.");
    }
    request.finalizeRequest(call.now());
    return null;
  }

  private Map<String, ?> humanReadableSummary(OperationCall call) {
    String arn = call.params().string("EntityArn");
    String locale = call.params().string("Locale", "en");
    if (!arn.contains(":delegation-request/")) {
      return new Struct().with("SummaryState", "NOT_SUPPORTED").with("Locale", locale);
    }
    DelegationRequest request = DelegationRequests.of(call.account()).byArn(arn);
    if (request == null) {
      throw AwsServiceException.noSuchEntity(
          "The delegation request with ARN " + arn + " cannot be found.");
    }
    String summary =
        "Account "
            + request.requestorAccountId()
            + " requests temporary access for "
            + request.sessionDuration()
            + " seconds using the permission template "
            + request.policyTemplateArn()
            + (request.description() == null || request.description().isEmpty()
                ? "."
                : ": " + request.description());
    return new Struct()
        .with("SummaryContent", summary)
        .with("Locale", locale)
        .with("SummaryState", "AVAILABLE");
  }

  private static DelegationRequest require(OperationCall call) {
    String id = call.params().string("DelegationRequestId");
    DelegationRequest request = DelegationRequests.of(call.account()).get(id);
    if (request == null) {
      throw AwsServiceException.noSuchEntity(
          "The delegation request with ID " + id + " cannot be found.");
    }
    return request;
  }

  private static void requireState(DelegationRequest request, Instant now, Set<String> allowed) {
    String state = request.state(now);
    if (!allowed.contains(state)) {
      throw AwsServiceException.invalidInput(
          "Delegation request " + request.id() + " is in state " + state + ".");
    }
  }

  private static Struct view(DelegationRequest r, Instant now) {
    return new Struct()
        .with("DelegationRequestId", r.id())
        .with("OwnerAccountId", r.ownerAccountId())
        .with("Description", r.description())
        .with("RequestMessage", r.requestMessage())
        .with(
            "Permissions",
            new Struct()
                .with("PolicyTemplateArn", r.policyTemplateArn())
                .with(
                    "Parameters",
                    r.parameters().isEmpty()
                        ? null
                        : r.parameters().stream()
                            .map(
                                x ->
                                    new Struct()
                                        .with("Name", x.name())
                                        .with("Values", x.values())
                                        .with("Type", x.type()))
                            .toList()))
        .with("RequestorId", r.requestorAccountId())
        .with("RedirectUrl", r.redirectUrl())
        .with("State", r.state(now))
        .with("ExpirationTime", r.expirationTime())
        .with("OwnerId", r.ownerId())
        .with("ApproverId", r.approverId())
        .with("RejectionReason", r.rejectionReason())
        .with("Notes", r.notes())
        .with("CreateDate", r.createDate())
        .with("UpdatedTime", r.updatedTime())
        .with("SessionDuration", r.sessionDuration())
        .with("OnlySendByOwner", r.onlySendByOwner());
  }
}
