package io.iamlocal.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Fills the server through the wire with the AWS SDK: N users, each with three tags, two access
 * keys, one group membership and two attached managed policies (an AWS managed one and a
 * customer managed one), plus the groups, the policy and a role for AssumeRole. An operation that
 * answers {@code NotImplemented} is skipped from then on and reported, so the benchmark runs
 * against whatever the server implements today.
 */
final class Filler {
  static final String PATH = "/bench/";
  static final int GROUPS = 20;
  static final String AWS_MANAGED_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String ROLE_NAME = "bench-role";

  /** A filled user and its two keys. */
  record BenchUser(String name, String arn, String keyId1, String secret1, String keyId2, String secret2) {}

  /** What the fill did. */
  record Result(int requested, List<BenchUser> users, double seconds, Map<String, Long> calls,
      Map<String, String> skipped, Map<String, String> errors, String customerPolicyArn, String roleArn) {}

  private final URI endpoint;
  private final String accountId;
  private final Map<String, String> skipped = new ConcurrentHashMap<>();
  private final Map<String, String> errors = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errorCounts = new ConcurrentHashMap<>();

  Filler(URI endpoint, String accountId) {
    this.endpoint = endpoint;
    this.accountId = accountId;
  }

  Result fill(int count, int threads) throws Exception {
    long t0 = System.nanoTime();
    String policyArn;
    String roleArn;
    try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
      policyArn = call("CreatePolicy", () -> iam.createPolicy(r -> r.policyName("bench-policy").path(PATH)
          .policyDocument(customerPolicy())).policy().arn());
      for (int g = 0; g < GROUPS; g++) {
        String group = groupName(g);
        if (call("CreateGroup", () -> iam.createGroup(r -> r.groupName(group).path(PATH))) != null) {
          call("AttachGroupPolicy", () -> iam.attachGroupPolicy(r -> r.groupName(group)
              .policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess")));
        }
      }
      roleArn = call("CreateRole", () -> iam.createRole(r -> r.roleName(ROLE_NAME).path(PATH)
          .assumeRolePolicyDocument(trustPolicy())).role().arn());
    }
    BenchUser[] users = new BenchUser[count];
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        try (IamClient iam = Clients.iam(endpoint, Clients.root())) {
          for (int i = next.getAndIncrement(); i < count && !stop.get(); i = next.getAndIncrement()) {
            users[i] = fillUser(iam, i, policyArn, stop);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    List<BenchUser> created = new ArrayList<>();
    for (BenchUser u : users) {
      if (u != null) {
        created.add(u);
      }
    }
    Map<String, Long> callCounts = new TreeMap<>();
    calls.forEach((k, v) -> callCounts.put(k, v.get()));
    Map<String, String> errorSummary = new TreeMap<>();
    errors.forEach((k, v) -> errorSummary.put(k, errorCounts.get(k).get() + "x " + v));
    return new Result(count, created, (System.nanoTime() - t0) / 1e9, callCounts, new TreeMap<>(skipped),
        errorSummary, policyArn, roleArn);
  }

  BenchUser fillUser(IamClient iam, int i, String policyArn, AtomicBoolean stop) {
    String name = userName(i);
    String arn = call("CreateUser", () -> iam.createUser(r -> r.userName(name).path(PATH).tags(
        Tag.builder().key("team").value("team-" + (i % 10)).build(),
        Tag.builder().key("env").value("bench").build(),
        Tag.builder().key("cost-center").value("cc-" + (i % 97)).build())).user().arn());
    if (arn == null) {
      stop.set(true);
      return null;
    }
    AccessKey k1 = call("CreateAccessKey", () -> iam.createAccessKey(r -> r.userName(name)).accessKey());
    AccessKey k2 = call("CreateAccessKey", () -> iam.createAccessKey(r -> r.userName(name)).accessKey());
    call("AddUserToGroup", () -> iam.addUserToGroup(r -> r.userName(name).groupName(groupName(i % GROUPS))));
    call("AttachUserPolicy", () -> iam.attachUserPolicy(r -> r.userName(name).policyArn(AWS_MANAGED_POLICY)));
    if (policyArn != null) {
      call("AttachUserPolicy", () -> iam.attachUserPolicy(r -> r.userName(name).policyArn(policyArn)));
    }
    if (k1 == null || k2 == null) {
      stop.set(true);
      return null;
    }
    return new BenchUser(name, arn, k1.accessKeyId(), k1.secretAccessKey(), k2.accessKeyId(), k2.secretAccessKey());
  }

  /** Runs one SDK call; null (and a note) when it failed or the operation is not implemented. */
  private <T> T call(String operation, Supplier<T> action) {
    if (skipped.containsKey(operation)) {
      return null;
    }
    calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    try {
      T value = action.get();
      return value == null ? (T) Boolean.TRUE : value;
    } catch (AwsServiceException e) {
      String code = e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().errorCode();
      if ("NotImplemented".equals(code)) {
        skipped.put(operation, e.awsErrorDetails().errorMessage());
      } else {
        String key = operation + ":" + code;
        errors.putIfAbsent(key, e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        errorCounts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
      }
      return null;
    }
  }

  private void call(String operation, Runnable action) {
    call(operation, () -> {
      action.run();
      return Boolean.TRUE;
    });
  }

  static String userName(int i) {
    return String.format("bench-user-%05d", i);
  }

  static String groupName(int g) {
    return String.format("bench-group-%02d", g);
  }

  /** Read-only IAM, AssumeRole of the bench role, and a conditioned S3 statement, for the simulator. */
  String customerPolicy() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":["
        + "{\"Effect\":\"Allow\",\"Action\":[\"iam:Get*\",\"iam:List*\",\"iam:Simulate*\"],\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + accountId
        + ":role/bench/*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":\"arn:aws:s3:::bench-*/*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/env\":\"bench\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}},"
        + "{\"Effect\":\"Deny\",\"Action\":\"iam:Delete*\",\"Resource\":\"*\"}]}";
  }

  String trustPolicy() {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
        + accountId + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  static Map<String, Object> describe(Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("users_requested", r.requested());
    out.put("users_created", r.users().size());
    out.put("seconds", Math.round(r.seconds() * 100) / 100.0);
    long total = r.calls().values().stream().mapToLong(Long::longValue).sum();
    out.put("sdk_calls", total);
    out.put("sdk_calls_per_second", Math.round(total / r.seconds()));
    out.put("calls", r.calls());
    out.put("skipped_not_implemented", r.skipped());
    out.put("errors", r.errors());
    return Collections.unmodifiableMap(out);
  }
}
