package io.iamlocal.server.analyzer;

import io.iamlocal.protocol.json.JsonError;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.jsonapi.JsonCall;
import io.iamlocal.server.jsonapi.JsonOperation;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.trail.Trail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * IAM Access Analyzer's policy generation (StartPolicyGeneration, GetGeneratedPolicy,
 * ListPolicyGenerations, CancelPolicyGeneration) over IAMLocal's own trail. The CloudTrail details
 * AWS needs (trail ARNs, an access role) are accepted and only their time range is used; without
 * them the whole trail is read. {@code isComplete} is false when the in-memory trail has dropped
 * events from the requested time range.
 */
public final class PolicyGenerationOperations {
  /** The trail the generated policies say they read. */
  static final String TRAIL_NAME = "iamlocal";

  private static final int DEFAULT_PAGE = 100;
  private final Trail trail;

  public PolicyGenerationOperations(Trail trail) {
    this.trail = trail;
  }

  /** The four operations by name. */
  public Map<String, JsonOperation> handlers() {
    return Map.of(
        "StartPolicyGeneration",
        this::start,
        "GetGeneratedPolicy",
        this::get,
        "ListPolicyGenerations",
        this::list,
        "CancelPolicyGeneration",
        this::cancel);
  }

  private Map<String, ?> start(JsonCall call) {
    String principalArn = call.params().struct("policyGenerationDetails").string("principalArn");
    Params details = call.params().struct("cloudTrailDetails");
    Instant now = call.now();
    Instant from = details == null ? null : details.timestamp("startTime");
    Instant to =
        details == null || details.timestamp("endTime") == null
            ? now
            : details.timestamp("endTime");
    if (from != null && from.isAfter(to)) {
      throw JsonError.badRequest(
          "ValidationException", "The start time must be before the end time.");
    }
    long fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
    GeneratedPolicy policy =
        PolicyGenerator.generate(
            principalArn,
            trail.newestFirst(call.account()),
            fromMillis,
            to.toEpochMilli(),
            Set.of());
    boolean complete =
        trail.oldestRetainedMillis() == Long.MIN_VALUE
            || trail.oldestRetainedMillis() <= fromMillis;
    Instant windowStart =
        from != null
            ? from
            : policy.events().isEmpty()
                ? now
                : Instant.ofEpochMilli(policy.events().get(0).epochMillis());
    String jobId = UUID.randomUUID().toString();
    PolicyGenerationJobs.of(call.account())
        .add(
            new PolicyGenerationJobs.Job(
                jobId, principalArn, now, now, windowStart, to, complete, policy));
    return Map.of("jobId", jobId);
  }

  private Map<String, ?> get(JsonCall call) {
    PolicyGenerationJobs.Job job = job(call);
    Map<String, Object> trailProperties = new LinkedHashMap<>();
    trailProperties.put(
        "cloudTrailArn",
        Arns.of(
            call.account().partition(),
            "cloudtrail",
            call.region(),
            call.account().accountId(),
            "trail/" + TRAIL_NAME));
    trailProperties.put("allRegions", Boolean.TRUE);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("isComplete", job.complete());
    properties.put("principalArn", job.principalArn());
    properties.put(
        "cloudTrailProperties",
        Map.of(
            "trailProperties",
            List.of(trailProperties),
            "startTime",
            job.windowStart(),
            "endTime",
            job.windowEnd()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("properties", properties);
    result.put(
        "generatedPolicies",
        job.policy().statements().isEmpty()
            ? List.of()
            : List.of(Map.of("policy", job.policy().json())));
    return Map.of("jobDetails", details(job), "generatedPolicyResult", result);
  }

  private Map<String, ?> list(JsonCall call) {
    List<PolicyGenerationJobs.Job> jobs =
        PolicyGenerationJobs.of(call.account()).newestFirst(call.params().string("principalArn"));
    int first = 0;
    String token = call.params().string("nextToken");
    if (token != null) {
      first = -1;
      for (int i = 0; i < jobs.size() && first < 0; i++) {
        if (jobs.get(i).jobId().equals(token)) {
          first = i;
        }
      }
      if (first < 0) {
        throw JsonError.badRequest("ValidationException", "Invalid nextToken.");
      }
    }
    int last = Math.min(jobs.size(), first + call.params().integer("maxResults", DEFAULT_PAGE));
    List<Map<String, Object>> page = new ArrayList<>();
    for (PolicyGenerationJobs.Job job : jobs.subList(first, last)) {
      Map<String, Object> item = details(job);
      item.remove("jobError");
      item.put("principalArn", job.principalArn());
      page.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policyGenerations", page);
    if (last < jobs.size()) {
      out.put("nextToken", jobs.get(last).jobId());
    }
    return out;
  }

  /**
   * Jobs finish as they start, so there is never one to stop: cancelling a known job changes
   * nothing.
   */
  private Map<String, ?> cancel(JsonCall call) {
    job(call);
    return Map.of();
  }

  private static PolicyGenerationJobs.Job job(JsonCall call) {
    String jobId = call.params().string("jobId");
    PolicyGenerationJobs.Job job = PolicyGenerationJobs.of(call.account()).get(jobId);
    if (job == null) {
      throw JsonError.badRequest("ValidationException", "Invalid jobId: " + jobId);
    }
    return job;
  }

  private static Map<String, Object> details(PolicyGenerationJobs.Job job) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("jobId", job.jobId());
    out.put("status", "SUCCEEDED");
    out.put("startedOn", job.startedOn());
    out.put("completedOn", job.completedOn());
    return out;
  }
}
