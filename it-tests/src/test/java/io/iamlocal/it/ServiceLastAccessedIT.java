package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessAdvisorUsageGranularityType;
import software.amazon.awssdk.services.iam.model.EntityDetails;
import software.amazon.awssdk.services.iam.model.GetServiceLastAccessedDetailsResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.JobStatusType;
import software.amazon.awssdk.services.iam.model.ListPoliciesGrantingServiceAccessEntry;
import software.amazon.awssdk.services.iam.model.PolicyGrantingServiceAccess;
import software.amazon.awssdk.services.iam.model.ServiceLastAccessed;
import software.amazon.awssdk.services.sts.StsClient;

class ServiceLastAccessedIT extends WireTest {

  private String userWhoCalledIamAndSts(String name) {
    var key = userWithKey(name);
    allow(name, "iam:GetUser", "iam:ListAccessKeys");
    try (IamClient asUser = Clients.iam(endpoint(), credentialsOf(key));
        StsClient stsAsUser = Clients.sts(endpoint(), credentialsOf(key))) {
      asUser.getUser();
      asUser.listAccessKeys();
      stsAsUser.getCallerIdentity();
    }
    return iam.getUser(r -> r.userName(name)).user().arn();
  }

  @Test
  void reportShowsTheServicesAndActionsReallyUsed() {
    String arn = userWhoCalledIamAndSts("alice");
    String jobId =
        iam.generateServiceLastAccessedDetails(
                r -> r.arn(arn).granularity(AccessAdvisorUsageGranularityType.ACTION_LEVEL))
            .jobId();
    assertThat(jobId).hasSize(36);

    GetServiceLastAccessedDetailsResponse details =
        iam.getServiceLastAccessedDetails(r -> r.jobId(jobId));
    assertThat(details.jobStatus()).isEqualTo(JobStatusType.COMPLETED);
    assertThat(details.jobType()).isEqualTo(AccessAdvisorUsageGranularityType.ACTION_LEVEL);
    assertThat(details.jobCreationDate()).isNotNull();
    assertThat(details.jobCompletionDate()).isNotNull();
    assertThat(details.servicesLastAccessed())
        .extracting(ServiceLastAccessed::serviceNamespace)
        .containsExactly("iam", "sts");

    ServiceLastAccessed iamUse = details.servicesLastAccessed().get(0);
    assertThat(iamUse.serviceName()).isEqualTo("AWS Identity and Access Management");
    assertThat(iamUse.lastAuthenticated()).isNotNull();
    assertThat(iamUse.lastAuthenticatedEntity()).isEqualTo(arn);
    assertThat(iamUse.lastAuthenticatedRegion()).isNotBlank(); // the region the caller signed for
    assertThat(iamUse.totalAuthenticatedEntities()).isEqualTo(1);
    assertThat(iamUse.trackedActionsLastAccessed())
        .extracting(a -> a.actionName())
        .containsExactly("GetUser", "ListAccessKeys");
    assertThat(details.servicesLastAccessed().get(1).trackedActionsLastAccessed()).isEmpty();
  }

  @Test
  void serviceLevelReportsHaveNoActions() {
    String arn = userWhoCalledIamAndSts("bob");
    String jobId = iam.generateServiceLastAccessedDetails(r -> r.arn(arn)).jobId();
    var details = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId));
    assertThat(details.jobType()).isEqualTo(AccessAdvisorUsageGranularityType.SERVICE_LEVEL);
    assertThat(details.servicesLastAccessed())
        .allSatisfy(s -> assertThat(s.trackedActionsLastAccessed()).isEmpty());
    var page = iam.getServiceLastAccessedDetails(r -> r.jobId(jobId).maxItems(1));
    assertThat(page.isTruncated()).isTrue();
    assertThat(
            iam.getServiceLastAccessedDetails(r -> r.jobId(jobId).marker(page.marker()))
                .servicesLastAccessed())
        .extracting(ServiceLastAccessed::serviceNamespace)
        .containsExactly("sts");
  }

  @Test
  void groupReportListsTheMembersThatUsedAService() {
    String arn = userWhoCalledIamAndSts("carol");
    iam.createUser(r -> r.userName("idle"));
    var group = iam.createGroup(r -> r.groupName("devs")).group();
    iam.addUserToGroup(r -> r.groupName("devs").userName("carol"));
    iam.addUserToGroup(r -> r.groupName("devs").userName("idle"));
    String jobId = iam.generateServiceLastAccessedDetails(r -> r.arn(group.arn())).jobId();
    List<EntityDetails> entities =
        iam.getServiceLastAccessedDetailsWithEntities(r -> r.jobId(jobId).serviceNamespace("sts"))
            .entityDetailsList();
    assertThat(entities).hasSize(1);
    assertThat(entities.get(0).entityInfo().arn()).isEqualTo(arn);
    assertThat(entities.get(0).entityInfo().name()).isEqualTo("carol");
    assertThat(entities.get(0).lastAuthenticated()).isNotNull();
  }

  @Test
  void unknownTargetsAndJobsAreRefused() {
    IamException user =
        catchThrowableOfType(
            () ->
                iam.generateServiceLastAccessedDetails(
                    r -> r.arn("arn:aws:iam::123456789012:user/ghost")),
            IamException.class);
    assertThat(user.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    IamException bad =
        catchThrowableOfType(
            () -> iam.generateServiceLastAccessedDetails(r -> r.arn("arn:aws:s3:::my-bucket-name")),
            IamException.class);
    assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
    IamException job =
        catchThrowableOfType(
            () ->
                iam.getServiceLastAccessedDetails(
                    r -> r.jobId("00000000-0000-0000-0000-000000000000")),
            IamException.class);
    assertThat(job.statusCode()).isEqualTo(404);
  }

  @Test
  void policiesGrantingServiceAccessComeFromTheUserAndItsGroups() {
    iam.createUser(r -> r.userName("dave"));
    iam.putUserPolicy(
        r ->
            r.userName("dave")
                .policyName("s3-read")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":\"*\"}]}"));
    iam.createGroup(r -> r.groupName("admins"));
    iam.addUserToGroup(r -> r.groupName("admins").userName("dave"));
    iam.putGroupPolicy(
        r ->
            r.groupName("admins")
                .policyName("iam-all")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:*\",\"Resource\":\"*\"}]}"));
    String arn = iam.getUser(r -> r.userName("dave")).user().arn();

    List<ListPoliciesGrantingServiceAccessEntry> entries =
        iam.listPoliciesGrantingServiceAccess(r -> r.arn(arn).serviceNamespaces("iam", "s3", "ec2"))
            .policiesGrantingServiceAccess();
    assertThat(entries)
        .extracting(ListPoliciesGrantingServiceAccessEntry::serviceNamespace)
        .containsExactly("iam", "s3", "ec2");
    PolicyGrantingServiceAccess iamPolicy = entries.get(0).policies().get(0);
    assertThat(iamPolicy.policyName()).isEqualTo("iam-all");
    assertThat(iamPolicy.policyTypeAsString()).isEqualTo("INLINE");
    assertThat(iamPolicy.entityTypeAsString()).isEqualTo("GROUP");
    assertThat(iamPolicy.entityName()).isEqualTo("admins");
    assertThat(entries.get(1).policies())
        .extracting(PolicyGrantingServiceAccess::policyName)
        .containsExactly("s3-read");
    assertThat(entries.get(2).policies()).isEmpty();
  }
}
