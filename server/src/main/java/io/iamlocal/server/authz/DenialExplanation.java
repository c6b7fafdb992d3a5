package io.iamlocal.server.authz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.policy.document.Statement;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.DenyReason;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.MatchedStatement;
import io.iamlocal.policy.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Why the policy engine denied a request, for people: the statements that denied it explicitly
 * (policy, type, Sid and index), or which policy type failed to allow it, and the smallest
 * statement that would allow it and where it has to go.
 *
 * @param deniedBy the Deny statements that applied (explicit denies only)
 * @param reason one sentence, e.g. {@code no identity-based policy allows s3:GetObject on
 *     arn:aws:s3:::b/k}
 * @param allowStatement the smallest Allow statement that would allow the request, as JSON
 * @param addTo where that statement must go ({@code identity-based policy}, {@code permissions
 *     boundary}…); null for an explicit deny, which no Allow overrides
 */
public record DenialExplanation(
    String principal,
    String action,
    String resource,
    Decision decision,
    DenyReason denyReason,
    List<DenyingStatement> deniedBy,
    String reason,
    String allowStatement,
    String addTo) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A Deny statement that applied: its policy, the policy's type, Sid (null when none) and index in
   * the policy.
   */
  public record DenyingStatement(String policyId, String policyType, String sid, int index) {
    String describe() {
      return "statement "
          + (sid == null || sid.isEmpty() ? "#" + index : "'" + sid + "'")
          + " of "
          + policyType
          + " policy "
          + policyId;
    }
  }

  /**
   * Explains {@code result}; {@code consulted} are the policies evaluated (to name the denying
   * statements).
   */
  public static DenialExplanation of(
      RequestContext request, EvaluationResult result, List<CompiledPolicy> consulted) {
    String action = request.action();
    String resource = request.resource();
    List<DenyingStatement> deniedBy = new ArrayList<>();
    if (result.decision() == Decision.EXPLICIT_DENY) {
      for (MatchedStatement m : result.matchedStatements()) {
        deniedBy.add(locate(m, consulted));
      }
    }
    DenyReason why = result.denyReason() == null ? DenyReason.IDENTITY_POLICY : result.denyReason();
    String target = action + " on " + resource;
    String reason;
    String addTo = null;
    if (result.decision() == Decision.EXPLICIT_DENY) {
      reason =
          "explicitly denied by "
              + (deniedBy.isEmpty()
                  ? "a Deny statement in " + why.article() + " " + why.phrase()
                  : String.join(", ", deniedBy.stream().map(DenyingStatement::describe).toList()));
    } else {
      reason =
          switch (why) {
            case IDENTITY_POLICY -> "no identity-based policy allows " + target;
            case RESOURCE_POLICY -> "no resource-based policy allows " + target;
            case PERMISSIONS_BOUNDARY -> "the permissions boundary does not allow " + target;
            case SESSION_POLICY -> "no session policy allows " + target;
          };
      addTo = why.phrase();
    }
    reason += crossAccount(request);
    return new DenialExplanation(
        request.principalArn(),
        action,
        resource,
        result.decision(),
        result.denyReason(),
        deniedBy,
        reason,
        allowStatement(
            action, resource, why == DenyReason.RESOURCE_POLICY ? request.principalArn() : null),
        addTo);
  }

  /**
   * For a resource of another account, what AWS then requires: both accounts' policies must allow.
   */
  private static String crossAccount(RequestContext request) {
    List<String> owner = request.values("aws:ResourceAccount");
    String resourceAccount = owner == null || owner.isEmpty() ? null : owner.get(0);
    if (resourceAccount == null
        || request.principalAccount() == null
        || resourceAccount.equals(request.principalAccount())) {
      return "";
    }
    return " (cross-account: account "
        + request.principalAccount()
        + "'s identity-based policies and account "
        + resourceAccount
        + "'s resource-based policy must both allow it)";
  }

  /**
   * {@code {"Effect":"Allow","Action":…,"Resource":…}}, with the caller as Principal for a resource
   * policy.
   */
  static String allowStatement(String action, String resource, String principal) {
    ObjectNode s = JSON.createObjectNode();
    s.put("Effect", "Allow");
    if (principal != null) {
      s.putObject("Principal").put("AWS", principal);
    }
    s.put("Action", action);
    s.put("Resource", resource);
    return s.toString();
  }

  private static DenyingStatement locate(MatchedStatement m, List<CompiledPolicy> consulted) {
    for (CompiledPolicy policy : consulted) {
      if (policy == null
          || !policy.policyId().equals(m.sourcePolicyId())
          || policy.sourceType() != m.sourcePolicyType()) {
        continue;
      }
      List<Statement> statements = policy.document().statements();
      for (int i = 0; i < statements.size(); i++) {
        Statement s = statements.get(i);
        if (s.range() != null
            && s.range().startLine() == m.startLine()
            && s.range().startColumn() == m.startColumn()) {
          return new DenyingStatement(m.sourcePolicyId(), typeName(policy), s.sid(), i);
        }
      }
    }
    return new DenyingStatement(m.sourcePolicyId(), m.sourcePolicyType().awsName(), null, -1);
  }

  private static String typeName(CompiledPolicy policy) {
    return switch (policy.sourceType()) {
      case PERMISSIONS_BOUNDARY -> "permissions-boundary";
      case SESSION -> "session";
      default -> policy.sourceType().awsName();
    };
  }

  /**
   * The explanation as a JSON object (the denial log line, the denials endpoint, decoded messages).
   */
  public ObjectNode toJson() {
    ObjectNode out = JSON.createObjectNode();
    out.put("principal", principal);
    out.put("action", action);
    out.put("resource", resource);
    out.put("decision", decision.awsName());
    out.put("reason", reason);
    if (!deniedBy.isEmpty()) {
      ArrayNode list = out.putArray("deniedBy");
      for (DenyingStatement d : deniedBy) {
        ObjectNode item =
            list.addObject().put("policyId", d.policyId()).put("policyType", d.policyType());
        if (d.sid() != null) {
          item.put("sid", d.sid());
        }
        item.put("statementIndex", d.index());
      }
    }
    try {
      out.set("allowWith", JSON.readTree(allowStatement));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (addTo != null) {
      out.put("addTo", addTo);
    } else {
      out.put(
          "addTo",
          "nowhere: an explicit deny overrides every Allow; remove or narrow the Deny statement");
    }
    return out;
  }
}
