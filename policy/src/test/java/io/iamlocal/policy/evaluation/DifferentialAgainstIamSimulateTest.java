package io.iamlocal.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyParseException;
import io.iamlocal.policy.evaluation.DifferentialCases.Case;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link PolicyEvaluator} against an independent implementation of AWS's
 * evaluation logic, the npm package {@code @cloud-copilot/iam-simulate} (pinned in {@code
 * src/test/differential/package.json}).
 *
 * <p>A few thousand seeded random cases ({@link DifferentialCases}) go through both engines; every
 * disagreement must be listed, with the reason IAMLocal is right, in {@code
 * known-differences.json}, and every listed case must still disagree (so the list stays exact).
 * Skipped when {@code node} or the npm package is not installed: {@code npm ci --prefix
 * policy/src/test/differential} installs it (CI does).
 */
class DifferentialAgainstIamSimulateTest {

  private static final Path DIR = Path.of("src", "test", "differential");
  private static final long SEED = 20240611L;
  private static final int CASES = 3000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void decisionsAgreeWithIamSimulateExceptForDocumentedDifferences() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(DIR.resolve("node_modules/@cloud-copilot/iam-simulate")),
        "npm package not installed: npm ci --prefix policy/src/test/differential");
    Assumptions.assumeTrue(nodeAvailable(), "node is not installed");

    List<Case> cases = new DifferentialCases(SEED).generate(CASES);
    Map<Integer, String> theirs = runIamSimulate(cases);
    Map<Integer, String> excused = knownDifferences();

    int agreements = 0;
    int errors = 0;
    Map<Integer, String> unexplained = new TreeMap<>();
    List<Integer> stale = new ArrayList<>();
    Map<String, Integer> errorKinds = new TreeMap<>();
    for (Case c : cases) {
      String other = theirs.get(c.id());
      assertThat(other).as("iam-simulate answered case %d", c.id()).isNotNull();
      if (other.startsWith("error:")) {
        errors++;
        errorKinds.merge(other, 1, Integer::sum);
        continue;
      }
      String ours = ours(c);
      if (ours.equals(other)) {
        agreements++;
        if (excused.containsKey(c.id())) {
          stale.add(c.id());
        }
      } else if (!excused.containsKey(c.id())) {
        unexplained.put(c.id(), "IAMLocal " + ours + ", iam-simulate " + other + ": " + c.toJson());
      }
    }
    System.out.printf(
        "differential: %d cases, %d agreements, %d excused differences, %d iam-simulate errors%n",
        CASES, agreements, CASES - agreements - errors - unexplained.size(), errors);
    assertThat(errors)
        .as("cases iam-simulate could not run: %s", errorKinds)
        .isLessThan(CASES / 100);
    assertThat(stale)
        .as("known differences that no longer differ (remove them from known-differences.json)")
        .isEmpty();
    if (!unexplained.isEmpty()) {
      Path report =
          Path.of(System.getProperty("java.io.tmpdir"), "iamlocal-differential-disagreements.txt");
      Files.write(
          report,
          unexplained.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList());
      assertThat(unexplained.entrySet().stream().limit(20).toList())
          .as(
              "%d disagreements not explained in known-differences.json (all in %s)",
              unexplained.size(), report)
          .isEmpty();
    }
  }

  /** Our decision in iam-simulate's words; also checks that both of our entry points agree. */
  static String ours(Case c) {
    Map<String, List<String>> context = new LinkedHashMap<>();
    c.context()
        .forEach(
            (k, v) ->
                context.put(
                    k,
                    v instanceof List<?> l
                        ? l.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(v))));
    RequestContext request =
        new RequestContext(c.action(), c.resource(), c.principal(), null, context);
    EvaluationInput input =
        new EvaluationInput(
            request,
            c.identity().stream().map(p -> compile(p, PolicySourceType.USER)).toList(),
            c.resourcePolicy() == null
                ? List.of()
                : List.of(compile(c.resourcePolicy(), PolicySourceType.RESOURCE)),
            c.boundary() == null
                ? List.of()
                : c.boundary().stream()
                    .map(p -> compile(p, PolicySourceType.PERMISSIONS_BOUNDARY))
                    .toList(),
            List.of(),
            false,
            c.resourceAccount());
    Decision full = PolicyEvaluator.evaluate(input).decision();
    Decision fast = PolicyEvaluator.decide(input);
    assertThat(fast).as("decide() and evaluate() for case %d", c.id()).isEqualTo(full);
    return switch (full) {
      case ALLOWED -> "Allowed";
      case EXPLICIT_DENY -> "ExplicitlyDenied";
      default -> "ImplicitlyDenied";
    };
  }

  private static CompiledPolicy compile(String json, PolicySourceType type) {
    try {
      return CompiledPolicy.compile(PolicyDocument.parse(json), "p", type);
    } catch (PolicyParseException e) {
      throw new IllegalStateException("generated policy does not parse: " + json, e);
    }
  }

  private static Map<Integer, String> runIamSimulate(List<Case> cases) throws Exception {
    Process node =
        new ProcessBuilder("node", "decide.cjs")
            .directory(DIR.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedWriter w =
                  new BufferedWriter(
                      new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8))) {
                for (Case c : cases) {
                  w.write(c.toJson());
                  w.write('\n');
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Map<Integer, String> out = new HashMap<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = JSON.readTree(line);
        out.put(
            n.get("id").asInt(),
            n.has("error") ? "error:" + n.get("error").asText() : n.get("decision").asText());
      }
    }
    writer.get(60, TimeUnit.SECONDS);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node exited").isTrue();
    assertThat(node.exitValue()).as("node exit status").isZero();
    return out;
  }

  /** Case id to reason, from known-differences.json. */
  private static Map<Integer, String> knownDifferences() throws IOException {
    try (InputStream in =
        DifferentialAgainstIamSimulateTest.class.getResourceAsStream("known-differences.json")) {
      JsonNode root = JSON.readTree(in);
      assertThat(root.get("seed").asLong())
          .as("known differences were listed for this seed")
          .isEqualTo(SEED);
      assertThat(root.get("cases").asInt())
          .as("known differences were listed for this many cases")
          .isEqualTo(CASES);
      Map<Integer, String> out = new HashMap<>();
      for (JsonNode d : root.get("differences")) {
        String reason = root.get("reasons").get(d.get("reason").asText()).asText();
        for (JsonNode id : d.get("ids")) {
          out.put(id.asInt(), reason);
        }
      }
      return out;
    }
  }

  private static boolean nodeAvailable() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
