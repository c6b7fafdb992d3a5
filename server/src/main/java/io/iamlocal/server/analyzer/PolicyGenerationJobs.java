package io.iamlocal.server.analyzer;

import io.iamlocal.server.state.AccountState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's policy generation jobs, newest last; the oldest are forgotten beyond {@value #KEPT}.
 * Jobs are generated when started (the trail is bounded, so this is quick), so they are never seen
 * in progress; a cancelled job stays as it was.
 */
final class PolicyGenerationJobs {
  static final int KEPT = 100;
  private final Map<String, Job> jobs = new LinkedHashMap<>();

  /** One job: what it was asked and what it produced. */
  record Job(
      String jobId,
      String principalArn,
      Instant startedOn,
      Instant completedOn,
      Instant windowStart,
      Instant windowEnd,
      boolean complete,
      GeneratedPolicy policy) {}

  private PolicyGenerationJobs() {}

  static PolicyGenerationJobs of(AccountState account) {
    return account.extension(PolicyGenerationJobs.class, a -> new PolicyGenerationJobs());
  }

  synchronized void add(Job job) {
    jobs.put(job.jobId(), job);
    if (jobs.size() > KEPT) {
      jobs.remove(jobs.keySet().iterator().next());
    }
  }

  synchronized Job get(String jobId) {
    return jobs.get(jobId);
  }

  /** Jobs newest first, of {@code principalArn} only when not null. */
  synchronized List<Job> newestFirst(String principalArn) {
    List<Job> out = new ArrayList<>();
    for (Job job : jobs.values()) {
      if (principalArn == null || principalArn.equals(job.principalArn())) {
        out.add(0, job);
      }
    }
    return out;
  }

  /** The newest job for {@code principalArn}, or null. */
  synchronized Job latest(String principalArn) {
    List<Job> all = newestFirst(principalArn);
    return all.isEmpty() ? null : all.get(0);
  }
}
