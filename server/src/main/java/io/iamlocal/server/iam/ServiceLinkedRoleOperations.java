package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.ManagedPolicy;
import io.iamlocal.server.state.PolicyStore;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.ServiceLinkedRoleCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Service-linked roles: created under {@code /aws-service-role/SERVICE/}, trusted by that service
 * only, protected from customer changes, deleted through a deletion task. Deletion here is
 * immediate, so a task reports {@code SUCCEEDED} as soon as it exists.
 */
public final class ServiceLinkedRoleOperations implements Operations {
  static final String PATH_PREFIX = "/aws-service-role/";

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateServiceLinkedRole",
        this::createServiceLinkedRole,
        resource(
            ResourceForm.SERVICE_ROLE,
            "AWSServiceName",
            "the role does not exist yet: its name follows from the service principal (and CustomSuffix)"));
    registry.register("iam", "DeleteServiceLinkedRole", this::deleteServiceLinkedRole);
    registry.register(
        "iam",
        "GetServiceLinkedRoleDeletionStatus",
        this::getDeletionStatus,
        resource(
            ResourceForm.DELETION_TASK_ROLE,
            "DeletionTaskId",
            "the role is named inside the deletion task's ID"));
  }

  /**
   * Services whose answer AWS recorded ({@link ServiceLinkedRoleCatalog}) get AWS's role name,
   * path, trust policy and attached AWS managed policies, and AWS's CustomSuffix refusal; other
   * services get a name derived by {@link ServiceLinkedRoleNames} and no policy.
   */
  private Map<String, ?> createServiceLinkedRole(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String service = p.string("AWSServiceName");
    String suffix = p.string("CustomSuffix");
    if (!service.endsWith(ServiceLinkedRoleNames.PRINCIPAL_SUFFIX)
        || service.length() == ServiceLinkedRoleNames.PRINCIPAL_SUFFIX.length()) {
      throw AwsServiceException.invalidInput(
          "Service name " + service + " is not a valid service principal.");
    }
    ServiceLinkedRoleCatalog.Entry recorded = ServiceLinkedRoleCatalog.get().find(service);
    if (suffix != null && !ServiceLinkedRoleNames.suffixAllowed(service)) {
      throw AwsServiceException.invalidInput(
          recorded == null || recorded.customSuffixRefusal() == null
              ? "Custom suffix is not allowed for " + service
              : recorded.customSuffixRefusal());
    }
    String name = ServiceLinkedRoleNames.roleName(service, suffix);
    if (account.roles().contains(name)) {
      throw AwsServiceException.invalidInput(
          "Service role name "
              + name
              + " has been taken in this account, please try a different suffix.");
    }
    RoleOperations.checkRoleQuota(account);
    Role role =
        new Role(
            account.partition(),
            account.accountId(),
            name,
            recorded == null ? PATH_PREFIX + service + "/" : recorded.path(),
            account.ids().uniqueId(IdPrefix.AROA),
            call.now(),
            recorded == null ? trustPolicy(service) : recorded.trustPolicy());
    String description = p.string("Description");
    role.setDescription(description == null || description.isEmpty() ? null : description);
    role.setServiceLinked(true);
    account.roles().put(role);
    if (recorded != null) {
      attachRecordedPolicies(account, role, recorded.attachedPolicyArns());
    }
    return Struct.of("Role", RoleViews.described(role));
  }

  private static void attachRecordedPolicies(AccountState account, Role role, List<String> arns) {
    PolicyHolder holder = new PolicyHolder("role", role.roleName(), role.policies(), role);
    for (String arn : arns) {
      // The recording names the aws partition's policies; other partitions have the same ones under
      // their ARNs.
      ManagedPolicy policy =
          PolicyStore.of(account).find(Arns.inPartition(arn, account.partition()));
      if (policy != null) { // a policy AWS has since retired is not in the managed-policy catalog
        PolicyAttachmentOperations.attach(account, holder, policy);
      }
    }
  }

  private Map<String, ?> deleteServiceLinkedRole(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.require(account, call.params().string("RoleName"));
    if (!role.isServiceLinked()) {
      throw AwsServiceException.noSuchEntity(
          "There is no service-linked role with name " + role.roleName() + ".");
    }
    String service = role.path().substring(PATH_PREFIX.length(), role.path().length() - 1);
    String taskId =
        "task" + PATH_PREFIX + service + "/" + role.roleName() + "/" + account.ids().uuid();
    RoleOperations.remove(account, role);
    tasks(account).put(taskId, "SUCCEEDED");
    return Struct.of("DeletionTaskId", taskId);
  }

  private Map<String, ?> getDeletionStatus(OperationCall call) {
    String taskId = call.params().string("DeletionTaskId");
    String status = tasks(call.account()).get(taskId);
    if (status == null) {
      throw AwsServiceException.noSuchEntity("Deletion task " + taskId + " cannot be found.");
    }
    return Struct.of("Status", status);
  }

  /** The trust policy AWS gives a service-linked role: the service may assume it, nobody else. */
  static String trustPolicy(String service) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
        + service
        + "\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  /**
   * Deletion task ID to status, per account; written under the write lock, read under the read
   * lock.
   */
  private static Map<String, String> tasks(AccountState account) {
    return account.extension(DeletionTasks.class, a -> new DeletionTasks()).byId;
  }

  /** The account's deletion tasks. */
  private static final class DeletionTasks {
    final Map<String, String> byId = new HashMap<>();
  }
}
