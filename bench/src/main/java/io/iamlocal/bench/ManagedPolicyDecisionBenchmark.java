package io.iamlocal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.evaluation.RequestContext;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision the server makes for the wire benchmark's user-signed GetUser: the bench user's
 * policies are the real AWS managed {@code ReadOnlyAccess} (two statements of ~1,400 actions
 * each), {@code IAMReadOnlyAccess} from the group, and a small customer managed policy. Reads the
 * vendored AWS managed policy catalog from the source tree (run from the repository root, or set
 * {@code -Diamlocal.managedPolicies=path/to/aws-managed-policies.json.gz}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ManagedPolicyDecisionBenchmark {
  static final String CATALOG = "server/src/main/resources/io/iamlocal/server/aws-managed-policies/aws-managed-policies.json.gz";
  static final String ACCOUNT = "123456789012";
  static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/bench/bench-user-00042";

  private EvaluationInput getUser;
  private EvaluationInput deleteUser;

  @Setup
  public void setup() throws Exception {
    Path file = Path.of(System.getProperty("iamlocal.managedPolicies", CATALOG));
    JsonNode catalog;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      catalog = new ObjectMapper().readTree(in);
    }
    List<CompiledPolicy> policies = new ArrayList<>();
    for (String name : List.of("ReadOnlyAccess", "IAMReadOnlyAccess")) {
      policies.add(CompiledPolicy.compile(PolicyDocument.parse(catalog.get(name).get("Document").toString()),
          "arn:aws:iam::aws:policy/" + name, PolicySourceType.AWS_MANAGED));
    }
    policies.add(CompiledPolicy.compile(PolicyDocument.parse(new Filler(null, ACCOUNT).customerPolicy()),
        "arn:aws:iam::" + ACCOUNT + ":policy/bench/bench-policy", PolicySourceType.USER_MANAGED));
    Map<String, List<String>> keys = Map.of(
        "aws:SourceIp", List.of("127.0.0.1"),
        "aws:CurrentTime", List.of("2025-06-01T12:00:00Z"),
        "aws:EpochTime", List.of("1748779200"),
        "aws:SecureTransport", List.of("false"),
        "aws:PrincipalTag/team", List.of("team-2"),
        "aws:PrincipalTag/env", List.of("bench"),
        "aws:username", List.of("bench-user-00042"),
        "aws:userid", List.of("AIDAEXAMPLE0000000042"),
        "aws:PrincipalType", List.of("User"),
        "aws:PrincipalAccount", List.of(ACCOUNT));
    getUser = EvaluationInput.identityOnly(new RequestContext("iam:GetUser", USER, USER, ACCOUNT, keys), policies);
    deleteUser = EvaluationInput.identityOnly(new RequestContext("iam:DeleteUser", USER, USER, ACCOUNT, keys), policies);
    if (PolicyEvaluator.decide(getUser) != Decision.ALLOWED || PolicyEvaluator.decide(deleteUser) != Decision.EXPLICIT_DENY) {
      throw new IllegalStateException("unexpected decisions");
    }
  }

  /** Allowed by ReadOnlyAccess's "iam:Get*". */
  @Benchmark
  public Decision decideGetUser() {
    return PolicyEvaluator.decide(getUser);
  }

  /** Denied by the customer policy's "iam:Delete*" after scanning ReadOnlyAccess. */
  @Benchmark
  public Decision decideDeleteUser() {
    return PolicyEvaluator.decide(deleteUser);
  }
}
