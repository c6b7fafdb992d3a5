package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import java.util.List;

/** Shared helpers for evaluation tests. */
final class Fixtures {

  static final String ACCOUNT = "123456789012";
  static final String OTHER_ACCOUNT = "999988887777";
  static final String ALICE = "arn:aws:iam::123456789012:user/alice";
  static final String BOB = "arn:aws:iam::123456789012:user/bob";
  static final String ROLE = "arn:aws:iam::123456789012:role/app/AppRole";
  static final String SESSION = "arn:aws:sts::123456789012:assumed-role/AppRole/s1";
  static final String FEDERATED = "arn:aws:sts::123456789012:federated-user/fred";
  static final String ROOT = "arn:aws:iam::123456789012:root";

  private Fixtures() {}

  /** A 2012-10-17 document with the given statement objects. */
  static String doc(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  static CompiledPolicy policy(String json) {
    return policy("policy", PolicySourceType.USER, json);
  }

  static CompiledPolicy policy(String id, PolicySourceType type, String json) {
    try {
      return CompiledPolicy.compile(PolicyDocument.parse(json), id, type);
    } catch (PolicyParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static CompiledPolicy allow(String action, String resource) {
    return policy(doc(stmt("Allow", action, resource)));
  }

  static String stmt(String effect, String action, String resource) {
    return "{\"Effect\":\""
        + effect
        + "\",\"Action\":\""
        + action
        + "\",\"Resource\":\""
        + resource
        + "\"}";
  }

  static Decision decide(RequestContext request, CompiledPolicy... identity) {
    Decision fast =
        PolicyEvaluator.decide(EvaluationInput.identityOnly(request, List.of(identity)));
    Decision full =
        PolicyEvaluator.evaluate(EvaluationInput.identityOnly(request, List.of(identity)))
            .decision();
    if (fast != full) {
      throw new AssertionError("decide() and evaluate() disagree: " + fast + " vs " + full);
    }
    return fast;
  }

  /** Runs both entry points and checks they agree. */
  static EvaluationResult evaluate(EvaluationInput input) {
    EvaluationResult result = PolicyEvaluator.evaluate(input);
    Decision fast = PolicyEvaluator.decide(input);
    if (fast != result.decision()) {
      throw new AssertionError(
          "decide() and evaluate() disagree: " + fast + " vs " + result.decision());
    }
    return result;
  }
}
