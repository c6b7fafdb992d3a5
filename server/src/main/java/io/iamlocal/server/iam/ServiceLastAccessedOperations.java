package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.Markers;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccessActivity;
import io.iamlocal.server.state.ServiceLastAccessedJobs;
import io.iamlocal.server.state.ServiceLastAccessedJobs.Job;
import io.iamlocal.server.state.ServiceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Access advisor: GenerateServiceLastAccessedDetails, GetServiceLastAccessedDetails(WithEntities)
 * and ListPoliciesGrantingServiceAccess, fed by the calls IAMLocal really served ({@link
 * AccessActivity}, recorded by the dispatcher). Jobs complete as soon as they start.
 */
public final class ServiceLastAccessedOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "GenerateServiceLastAccessedDetails",
        this::generate,
        lock(LockMode.WRITE, "AWS calls it Read, but it stores a job under a random ID"),
        resource(ResourceForm.ARN, "Arn", "the user, group, role or policy is named by its ARN"));
    registry.register("iam", "GetServiceLastAccessedDetails", this::details);
    registry.register(
        "iam", "GetServiceLastAccessedDetailsWithEntities", this::detailsWithEntities);
    registry.register(
        "iam",
        "ListPoliciesGrantingServiceAccess",
        this::policiesGrantingAccess,
        resource(ResourceForm.ARN, "Arn", "the user, group or role is named by its ARN"));
  }

  private Map<String, ?> generate(OperationCall call) {
    AccessAdvisorTargets.Target target =
        AccessAdvisorTargets.resolve(call.account(), call.params().string("Arn"), true);
    Set<String> allowed = AccessAdvisorTargets.allowedServices(target.policies());
    Job job =
        ServiceLastAccessedJobs.of(call.account())
            .generate(
                call.account().ids().uuid().toString(),
                call.params().string("Granularity", "SERVICE_LEVEL"),
                call.now(),
                target.principals(),
                allowed,
                AccessActivity.of(call.account()));
    return Struct.of("JobId", job.jobId());
  }

  private Map<String, ?> details(OperationCall call) {
    Job job = requireJob(call);
    Struct page =
        Pagination.page(
            call,
            job.services(),
            "ServicesLastAccessed",
            s ->
                new Struct()
                    .with("ServiceName", ServiceNames.nameOf(s.namespace()))
                    .with("LastAuthenticated", s.lastAuthenticated())
                    .with("ServiceNamespace", s.namespace())
                    .with("LastAuthenticatedEntity", s.lastEntityArn())
                    .with("LastAuthenticatedRegion", s.region())
                    .with(
                        "TotalAuthenticatedEntities",
                        s.lastAuthenticated() == null ? null : s.totalAuthenticatedEntities())
                    .with(
                        "TrackedActionsLastAccessed",
                        s.actions() == null || s.actions().isEmpty()
                            ? null
                            : s.actions().stream()
                                .map(
                                    a ->
                                        new Struct()
                                            .with("ActionName", a.actionName())
                                            .with("LastAccessedEntity", a.entityArn())
                                            .with("LastAccessedTime", a.time())
                                            .with("LastAccessedRegion", a.region()))
                                .toList()));
    Struct out = jobHeader(job).with("JobType", job.granularity());
    out.putAll(page);
    return out;
  }

  private Map<String, ?> detailsWithEntities(OperationCall call) {
    Job job = requireJob(call);
    String namespace = call.params().string("ServiceNamespace");
    List<ServiceLastAccessedJobs.EntityAccess> entities =
        job.entitiesByService().getOrDefault(namespace, List.of());
    Struct page =
        Pagination.page(
            call,
            entities,
            "EntityDetailsList",
            e ->
                new Struct()
                    .with(
                        "EntityInfo",
                        new Struct()
                            .with("Arn", e.entity().arn())
                            .with("Name", e.entity().name())
                            .with("Type", e.entity().type())
                            .with("Id", e.entity().id())
                            .with("Path", e.entity().path()))
                    .with("LastAuthenticated", e.lastAuthenticated()));
    Struct out = jobHeader(job);
    out.putAll(page);
    return out;
  }

  /**
   * For each requested namespace, the policies of a user (its own and its groups'), group or role
   * that allow some action of that service.
   */
  private Map<String, ?> policiesGrantingAccess(OperationCall call) {
    Markers.decode(
        call.operation(),
        call.params().string("Marker")); // we never truncate: any marker is foreign
    AccessAdvisorTargets.Target target =
        AccessAdvisorTargets.resolve(call.account(), call.params().string("Arn"), false);
    List<Struct> entries = new ArrayList<>();
    for (String namespace : call.params().strings("ServiceNamespaces")) {
      List<Struct> policies = new ArrayList<>();
      for (AccessAdvisorTargets.PolicyRef policy : target.policies()) {
        if (AccessAdvisorTargets.servicesGranted(policy.document()).contains(namespace)) {
          policies.add(
              new Struct()
                  .with("PolicyName", policy.policyName())
                  .with("PolicyType", policy.policyArn() == null ? "INLINE" : "MANAGED")
                  .with("PolicyArn", policy.policyArn())
                  .with("EntityType", policy.ownerType())
                  .with("EntityName", policy.ownerName()));
        }
      }
      entries.add(new Struct().with("ServiceNamespace", namespace).with("Policies", policies));
    }
    return new Struct().with("PoliciesGrantingServiceAccess", entries).with("IsTruncated", false);
  }

  private static Struct jobHeader(Job job) {
    return new Struct()
        .with("JobStatus", "COMPLETED")
        .with("JobCreationDate", job.created())
        .with("JobCompletionDate", job.created());
  }

  private static Job requireJob(OperationCall call) {
    String jobId = call.params().string("JobId");
    Job job = ServiceLastAccessedJobs.of(call.account()).get(jobId);
    if (job == null) {
      throw AwsServiceException.noSuchEntity("The job with ID " + jobId + " cannot be found.");
    }
    return job;
  }
}
