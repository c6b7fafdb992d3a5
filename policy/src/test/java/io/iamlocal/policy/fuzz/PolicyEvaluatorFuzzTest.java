package io.iamlocal.policy.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.evaluation.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the policy evaluator with random policies against random request contexts. Whatever they
 * hold, both entry points ({@code decide} and {@code evaluate}) return the same one of the three
 * decisions, without exceptions.
 *
 * <p>Input: sections separated by lines {@code --}. The first is the request: action, resource,
 * principal ARN lines, then {@code key=value} context lines and the flags {@code required} (the
 * resource policy must allow) and {@code account=ID} (the resource's account). Each later section
 * is a policy: a first line {@code identity}, {@code resource}, {@code boundary} or {@code
 * session}, then its JSON. Policies are parsed but not validated: the evaluator must cope with any
 * parsed document.
 */
class PolicyEvaluatorFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void evaluate(byte[] input) {
    String[] sections = new String(input, StandardCharsets.UTF_8).split("\n--\n", -1);
    String[] request = sections[0].split("\n", -1);
    Map<String, List<String>> context = new LinkedHashMap<>();
    boolean required = false;
    String resourceAccount = null;
    for (int i = 3; i < request.length; i++) {
      String line = request[i];
      if (line.equals("required")) {
        required = true;
      } else if (line.startsWith("account=")) {
        resourceAccount = line.substring("account=".length());
      } else {
        int eq = line.indexOf('=');
        String key = eq < 0 ? line : line.substring(0, eq);
        context
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(eq < 0 ? "" : line.substring(eq + 1));
      }
    }
    RequestContext ctx =
        new RequestContext(
            request[0],
            request.length > 1 ? request[1] : null,
            request.length > 2 && !request[2].isEmpty() ? request[2] : null,
            null,
            context);

    List<CompiledPolicy> identity = new ArrayList<>();
    List<CompiledPolicy> resource = new ArrayList<>();
    List<CompiledPolicy> boundary = new ArrayList<>();
    List<CompiledPolicy> session = new ArrayList<>();
    for (int s = 1; s < sections.length; s++) {
      int newline = sections[s].indexOf('\n');
      String role = newline < 0 ? sections[s] : sections[s].substring(0, newline);
      PolicyDocument doc;
      try {
        doc = PolicyDocument.parse(newline < 0 ? "" : sections[s].substring(newline + 1));
      } catch (PolicyParseException e) {
        continue;
      }
      switch (role) {
        case "resource" ->
            resource.add(CompiledPolicy.compile(doc, "r" + s, PolicySourceType.RESOURCE));
        case "boundary" ->
            boundary.add(
                CompiledPolicy.compile(doc, "b" + s, PolicySourceType.PERMISSIONS_BOUNDARY));
        case "session" ->
            session.add(CompiledPolicy.compile(doc, "s" + s, PolicySourceType.SESSION));
        default -> identity.add(CompiledPolicy.compile(doc, "i" + s, PolicySourceType.USER));
      }
    }
    EvaluationInput in =
        new EvaluationInput(ctx, identity, resource, boundary, session, required, resourceAccount);
    Decision fast = PolicyEvaluator.decide(in);
    EvaluationResult full = PolicyEvaluator.evaluate(in);
    assertThat(fast).isNotNull().isIn((Object[]) Decision.values());
    assertThat(full.decision()).isEqualTo(fast);
    if (fast != Decision.ALLOWED) {
      assertThat(full.denyReason()).as("deny reason").isNotNull();
    }
  }
}
