package io.iamlocal.bench;

import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.EvaluationInput;
import io.iamlocal.policy.evaluation.PolicyEvaluator;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.policy.evaluation.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Policy decisions per second on one core: a principal with 10 attached managed policies of 20
 * statements each (wildcard actions and resources, conditions on tags, source IP, time, secure
 * transport and prefixes, some Deny statements), asked about an S3 object. Every Deny statement
 * of the service must be checked before an Allow can win.
 *
 * <p>{@code mix=spread}: each policy's statements cover ten services (as policies written per
 * workload do), so the engine's per-service index leaves 2-3 candidate statements per policy.
 * {@code mix=sameService}: 16 of each policy's 20 statements are about S3, so 160 statements are
 * candidates and must be matched: the worst case.
 *
 * <pre>java -jar bench/target/iamlocal-bench.jar jmh -f 1 -wi 3 -w 2 -i 5 -r 2 PolicyDecision</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class PolicyDecisionBenchmark {
  static final String ACCOUNT = "123456789012";
  static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/bench/alice";
  static final int POLICIES = 10;
  static final int STATEMENTS = 20;
  static final String[] SERVICES = {"s3", "dynamodb", "ec2", "sqs", "sns", "lambda", "kms", "logs", "cloudwatch", "sts"};

  @Param({"spread", "sameService"})
  public String mix;

  private List<CompiledPolicy> policies;
  private EvaluationInput allowed;
  private EvaluationInput implicitDeny;
  private EvaluationInput explicitDeny;
  private Map<String, List<String>> context;

  @Setup
  public void setup() throws Exception {
    policies = new ArrayList<>();
    for (int p = 0; p < POLICIES; p++) {
      policies.add(CompiledPolicy.compile(PolicyDocument.parse(policy(p, mix.equals("spread"))),
          "arn:aws:iam::" + ACCOUNT + ":policy/bench-" + p, PolicySourceType.USER_MANAGED));
    }
    context = Map.of(
        "aws:SourceIp", List.of("10.1.2.3"),
        "aws:CurrentTime", List.of("2025-06-01T12:00:00Z"),
        "aws:SecureTransport", List.of("true"),
        "aws:PrincipalTag/team", List.of("team-3"),
        "aws:username", List.of("alice"),
        "s3:prefix", List.of("home/alice/"));
    allowed = input("s3:GetObject", "arn:aws:s3:::bench-bucket-9/home/alice/report.csv");
    implicitDeny = input("s3:PutBucketPolicy", "arn:aws:s3:::bench-bucket-9");
    explicitDeny = input("s3:DeleteObject", "arn:aws:s3:::bench-bucket-9/home/alice/report.csv");
    expect(allowed, Decision.ALLOWED);
    expect(implicitDeny, Decision.IMPLICIT_DENY);
    expect(explicitDeny, Decision.EXPLICIT_DENY);
  }

  private EvaluationInput input(String action, String resource) {
    return EvaluationInput.identityOnly(new RequestContext(action, resource, USER, ACCOUNT, context), policies);
  }

  private static void expect(EvaluationInput input, Decision expected) {
    Decision got = PolicyEvaluator.decide(input);
    if (got != expected) {
      throw new IllegalStateException(input.request().action() + ": expected " + expected + " but got " + got);
    }
  }

  /** Allowed by the last statement of the last policy, after every candidate Deny was checked. */
  @Benchmark
  public Decision decideAllowed() {
    return PolicyEvaluator.decide(allowed);
  }

  @Benchmark
  public Decision decideImplicitDeny() {
    return PolicyEvaluator.decide(implicitDeny);
  }

  @Benchmark
  public Decision decideExplicitDeny() {
    return PolicyEvaluator.decide(explicitDeny);
  }

  /** What a server pays per request: building the request context, then deciding. */
  @Benchmark
  public Decision decideWithNewContext() {
    RequestContext request = new RequestContext("s3:GetObject", "arn:aws:s3:::bench-bucket-9/home/alice/report.csv",
        USER, ACCOUNT, context);
    return PolicyEvaluator.decide(EvaluationInput.identityOnly(request, policies));
  }

  /** The simulator's path: decision plus matched statements and missing context keys. */
  @Benchmark
  public Object evaluateAllowed() {
    return PolicyEvaluator.evaluate(allowed);
  }

  /**
   * Policy {@code p}: 12 S3 statements, 8 of other services. Allow statements carry conditions that
   * do not hold for the request (wrong team, other IP range, expired date), Deny statements carry
   * conditions that do not hold either, except in policy 9 whose last statement allows the request
   * and whose statement 19 denies s3:DeleteObject.
   */
  static String policy(int p, boolean spread) {
    StringBuilder b = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int s = 0; s < STATEMENTS; s++) {
      if (s > 0) {
        b.append(',');
      }
      String statement = statement(p, s);
      if (spread && s % 10 != 0 && s < STATEMENTS - 2) {
        // Same shape, another service: s3 stays in statements 0 and 10 (and the last two of policy 9).
        String service = SERVICES[s % 10];
        statement = statement.replace("s3:", service + ":").replace("arn:aws:s3:::", "arn:aws:" + service + ":::");
      }
      b.append(statement);
    }
    return b.append("]}").toString();
  }

  private static String statement(int p, int s) {
    String sid = "\"Sid\":\"P" + p + "S" + s + "\",";
    boolean last = p == POLICIES - 1;
    if (last && s == STATEMENTS - 1) {
      return "{" + sid + "\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"],"
          + "\"Resource\":\"arn:aws:s3:::bench-bucket-*/home/${aws:username}/*\","
          + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":[\"team-3\",\"team-4\"]},"
          + "\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]},"
          + "\"Bool\":{\"aws:SecureTransport\":\"true\"}}}";
    }
    if (last && s == STATEMENTS - 2) {
      return "{" + sid + "\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\","
          + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}";
    }
    switch (s % 5) {
      case 0:
        return "{" + sid + "\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],"
            + "\"Resource\":[\"arn:aws:s3:::bench-bucket-" + p + "/*\",\"arn:aws:s3:::bench-bucket-" + p + "\"],"
            + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"team-" + (s + 10) + "\"}}}";
      case 1:
        return "{" + sid + "\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\","
            + "\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"172.16.0.0/12\"]}}}";
      case 2:
        return "{" + sid + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::bench-bucket-*/shared/*\","
            + "\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"2024-01-01T00:00:00Z\"},"
            + "\"StringLike\":{\"s3:prefix\":[\"shared/*\",\"public/*\"]}}}";
      case 3:
        return "{" + sid + "\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"iam:List*\",\"sts:GetCallerIdentity\"],"
            + "\"Resource\":\"arn:aws:iam::" + ACCOUNT + ":user/bench/*\"}";
      default:
        return "{" + sid + "\"Effect\":\"Deny\",\"Action\":[\"dynamodb:Delete*\",\"ec2:Terminate*\",\"s3:DeleteBucket\"],"
            + "\"Resource\":\"*\",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalTag/team\":\"team-3\"}}}";
    }
  }
}
