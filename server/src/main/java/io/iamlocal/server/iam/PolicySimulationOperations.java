package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.ContextKeys;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.validation.PolicyKind;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.Markers;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.iam.SimulationPolicies.Entity;
import io.iamlocal.server.iam.SimulationPolicies.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM policy simulator API: SimulatePrincipalPolicy, SimulateCustomPolicy and
 * GetContextKeysFor{Principal,Custom}Policy, on the policy module's evaluator.
 *
 * <p>These run under the account read lock (on a thread of their own, not the event loop), and
 * writers wait for that lock, so the work per call is bounded in characters compared ({@link
 * PolicySimulator.Setup#workPerAction}): results are paged per action, and a page holds fewer than
 * MaxItems actions when its work would exceed {@link #PAGE_BUDGET} (AWS, too, may return fewer
 * items than MaxItems with IsTruncated true). One action whose own work exceeds {@link
 * #ACTION_LIMIT} is refused as InvalidInput.
 */
public final class PolicySimulationOperations implements Operations {
  /**
   * Characters compared one page may spend: a few milliseconds of matching
   * (bench/results/design-measurements.md), so writers waiting for the lock never wait long.
   */
  static final long PAGE_BUDGET = 100_000L;

  /**
   * Characters compared one action may need (a page of its own); beyond it the request is refused
   * (an IAMLocal limit).
   */
  static final long ACTION_LIMIT = 300_000L;

  private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):root");
  private static final Pattern USER_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):user/.+");

  /**
   * ResourceHandlingOption values documented for SimulatePrincipalPolicy / SimulateCustomPolicy.
   */
  private static final Set<String> SCENARIOS =
      Set.of(
          "EC2-VPC-InstanceStore",
          "EC2-VPC-InstanceStore-Subnet",
          "EC2-VPC-EBS",
          "EC2-VPC-EBS-Subnet",
          "EC2-Classic-InstanceStore",
          "EC2-Classic-EBS");

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "SimulatePrincipalPolicy",
        this::simulatePrincipal,
        resource(
            ResourceForm.ARN,
            "PolicySourceArn",
            "the reference scopes it to no resource type, yet the request names the principal by ARN"));
    registry.register("iam", "SimulateCustomPolicy", this::simulateCustom);
    registry.register(
        "iam",
        "GetContextKeysForPrincipalPolicy",
        this::contextKeysForPrincipal,
        resource(
            ResourceForm.ARN,
            "PolicySourceArn",
            "the reference scopes it to no resource type, yet the request names the principal by ARN"));
    registry.register("iam", "GetContextKeysForCustomPolicy", this::contextKeysForCustom);
  }

  private Map<String, ?> simulatePrincipal(OperationCall call) {
    Params p = call.params();
    Entity entity = SimulationPolicies.entity(call.account(), p.string("PolicySourceArn"));
    List<Named> identity = new ArrayList<>(entity.identity());
    identity.addAll(
        SimulationPolicies.inputs(
            call.account(),
            p.strings("PolicyInputList"),
            "PolicyInputList",
            PolicyKind.IDENTITY,
            PolicySourceType.NONE));
    List<Named> boundary = boundaryInputs(call);
    if (boundary.isEmpty() && entity.boundary() != null) {
      boundary = List.of(entity.boundary());
    }
    String callerArn = callerArn(p);
    if (callerArn == null && p.has("ResourcePolicy") && !entity.type().equals("user")) {
      throw AwsServiceException.invalidInput(
          "CallerArn is required when you include a ResourcePolicy and the PolicySourceArn is not the ARN of a user.");
    }
    if (callerArn == null && !entity.type().equals("group")) {
      callerArn = entity.arn();
    }
    return simulate(call, identity, boundary, callerArn, entity.accountId());
  }

  private Map<String, ?> simulateCustom(OperationCall call) {
    Params p = call.params();
    List<Named> identity =
        SimulationPolicies.inputs(
            call.account(),
            p.strings("PolicyInputList"),
            "PolicyInputList",
            PolicyKind.IDENTITY,
            PolicySourceType.NONE);
    String callerArn = callerArn(p);
    if (callerArn == null && p.has("ResourcePolicy")) {
      throw AwsServiceException.invalidInput(
          "CallerArn is required when you include a ResourcePolicy.");
    }
    return simulate(call, identity, boundaryInputs(call), callerArn, call.account().accountId());
  }

  private Map<String, ?> contextKeysForPrincipal(OperationCall call) {
    Params p = call.params();
    Entity entity = SimulationPolicies.entity(call.account(), p.string("PolicySourceArn"));
    List<PolicyDocument> documents = new ArrayList<>();
    entity.identity().forEach(n -> documents.add(n.document()));
    p.strings("PolicyInputList")
        .forEach(json -> documents.add(SimulationPolicies.anyKind(call.account(), json)));
    return Struct.of("ContextKeyNames", ContextKeys.collect(documents));
  }

  private Map<String, ?> contextKeysForCustom(OperationCall call) {
    List<PolicyDocument> documents =
        call.params().strings("PolicyInputList").stream()
            .map(json -> SimulationPolicies.anyKind(call.account(), json))
            .toList();
    return Struct.of("ContextKeyNames", ContextKeys.collect(documents));
  }

  private static List<Named> boundaryInputs(OperationCall call) {
    return SimulationPolicies.inputs(
        call.account(),
        call.params().strings("PermissionsBoundaryPolicyInputList"),
        "PermissionsBoundaryPolicyInputList",
        PolicyKind.PERMISSIONS_BOUNDARY,
        PolicySourceType.PERMISSIONS_BOUNDARY);
  }

  /**
   * CallerArn, which can only name an IAM user (not a role, session, federated user or service).
   */
  private static String callerArn(Params p) {
    String arn = p.string("CallerArn");
    if (arn != null && !USER_ARN.matcher(arn).matches()) {
      throw AwsServiceException.invalidInput(
          "Invalid CallerArn: " + arn + " is not the ARN of an IAM user.");
    }
    return arn;
  }

  private Map<String, ?> simulate(
      OperationCall call,
      List<Named> identity,
      List<Named> boundary,
      String callerArn,
      String entityAccount) {
    Params p = call.params();
    Named resourcePolicy =
        p.has("ResourcePolicy")
            ? SimulationPolicies.resourcePolicy(call.account(), p.string("ResourcePolicy"))
            : null;
    String option = p.string("ResourceHandlingOption");
    if (option != null && !SCENARIOS.contains(option)) {
      throw AwsServiceException.invalidInput("Invalid ResourceHandlingOption: " + option + ".");
    }
    String owner = null;
    if (p.has("ResourceOwner")) {
      Matcher m = ACCOUNT_ROOT.matcher(p.string("ResourceOwner"));
      if (!m.matches()) {
        throw AwsServiceException.invalidInput(
            "'" + p.string("ResourceOwner") + "' is not a valid as a Resource Owner.");
      }
      owner = m.group(1);
    }
    List<String> resources = p.strings("ResourceArns");
    boolean named =
        !resources.isEmpty() && !(resources.size() == 1 && resources.get(0).equals("*"));
    String callerAccount = callerArn != null ? callerArn.split(":", 6)[4] : entityAccount;
    PolicySimulator.Setup setup =
        new PolicySimulator.Setup(
            SimulationPolicies.compile(identity),
            resourcePolicy == null ? List.of() : List.<CompiledPolicy>of(resourcePolicy.compile()),
            SimulationPolicies.compile(boundary),
            named ? resources : List.of("*"),
            named,
            callerArn,
            callerAccount,
            owner,
            SimulationContext.parse(p.structs("ContextEntries")));
    return page(call, p.strings("ActionNames"), setup);
  }

  /** One page of per-action results, sized by MaxItems and by {@link #PAGE_BUDGET}. */
  private static Struct page(
      OperationCall call, List<String> actions, PolicySimulator.Setup setup) {
    long perAction = setup.workPerAction();
    if (perAction > ACTION_LIMIT) {
      throw AwsServiceException.invalidInput(
          "The simulation is too large: "
              + setup.resources().size()
              + " resources against "
              + "these policies need about "
              + perAction
              + " characters compared per action, more than IAMLocal's limit of "
              + ACTION_LIMIT
              + "; simulate fewer or shorter resources or policies per call.");
    }
    String after = Markers.decode(call.operation(), call.params().string("Marker"));
    int offset = parseOffset(after);
    int maxItems = call.params().integer("MaxItems", Pagination.DEFAULT_MAX_ITEMS);
    int fits = (int) Math.max(1, Math.min(maxItems, PAGE_BUDGET / Math.max(1, perAction)));
    int end = Math.min(actions.size(), offset + fits);
    List<Struct> results = new ArrayList<>(Math.max(0, end - offset));
    for (int i = offset; i < end; i++) {
      results.add(PolicySimulator.simulate(setup, actions.get(i)));
    }
    boolean truncated = end < actions.size();
    return new Struct()
        .with("EvaluationResults", results)
        .with("IsTruncated", truncated)
        .with("Marker", truncated ? Markers.encode(call.operation(), Integer.toString(end)) : null);
  }

  private static int parseOffset(String after) {
    if (after == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(after));
    } catch (NumberFormatException e) {
      throw AwsServiceException.validation("Invalid Marker.");
    }
  }
}
