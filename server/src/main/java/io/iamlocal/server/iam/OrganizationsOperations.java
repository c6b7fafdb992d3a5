package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import java.util.Map;

/**
 * The AWS Organizations-bound IAM operations (centralized root access, Organizations access
 * reports). IAMLocal's account is a standalone account, not in an organization, so they fail as AWS
 * fails them there: OrganizationNotFoundException with the model's documented text, and an unknown
 * job for GetOrganizationsAccessReport (no report can ever have been generated).
 */
public final class OrganizationsOperations implements Operations {
  static final String NO_ORGANIZATION =
      "The request was rejected because no organization is associated with your account.";

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam", "EnableOrganizationsRootCredentialsManagement", this::notInOrganization);
    registry.register(
        "iam", "DisableOrganizationsRootCredentialsManagement", this::notInOrganization);
    registry.register("iam", "EnableOrganizationsRootSessions", this::notInOrganization);
    registry.register("iam", "DisableOrganizationsRootSessions", this::notInOrganization);
    registry.register("iam", "ListOrganizationsFeatures", this::notInOrganization);
    registry.register(
        "iam",
        "GenerateOrganizationsAccessReport",
        this::notInOrganization,
        lock(LockMode.WRITE, "AWS calls it Read, but in an organization it would start a job"),
        resource(
            ResourceForm.ACCESS_REPORT,
            "EntityPath",
            "the report is named by the Organizations entity path, which names no IAM entity"));
    registry.register("iam", "GetOrganizationsAccessReport", this::getOrganizationsAccessReport);
  }

  private Map<String, ?> notInOrganization(OperationCall call) {
    throw new AwsServiceException(AwsErrorCode.ORGANIZATION_NOT_FOUND, NO_ORGANIZATION);
  }

  private Map<String, ?> getOrganizationsAccessReport(OperationCall call) {
    throw AwsServiceException.noSuchEntity(
        "The job with ID " + call.params().string("JobId") + " cannot be found.");
  }
}
