package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.Role;
import java.util.HashMap;
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
    registry.register("iam", "CreateServiceLinkedRole", this::createServiceLinkedRole);
    registry.register("iam", "DeleteServiceLinkedRole", this::deleteServiceLinkedRole);
    registry.register("iam", "GetServiceLinkedRoleDeletionStatus", this::getDeletionStatus);
  }

  private Map<String, ?> createServiceLinkedRole(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String service = p.string("AWSServiceName");
    String suffix = p.string("CustomSuffix");
    if (!service.endsWith(ServiceLinkedRoleNames.PRINCIPAL_SUFFIX) || service.length() == ServiceLinkedRoleNames.PRINCIPAL_SUFFIX.length()) {
      throw AwsServiceException.invalidInput("Service name " + service + " is not a valid service principal.");
    }
    if (suffix != null && !ServiceLinkedRoleNames.suffixAllowed(service)) {
      throw AwsServiceException.invalidInput("Custom suffix is not allowed for " + service);
    }
    String name = ServiceLinkedRoleNames.roleName(service, suffix);
    if (account.roles().contains(name)) {
      throw AwsServiceException.invalidInput("Service role name " + name + " has been taken in this account, please try a different suffix.");
    }
    RoleOperations.checkRoleQuota(account);
    Role role = new Role(account.accountId(), name, PATH_PREFIX + service + "/", account.ids().uniqueId(IdPrefix.AROA), call.now(),
        trustPolicy(service));
    String description = p.string("Description");
    role.setDescription(description == null || description.isEmpty() ? null : description);
    role.setServiceLinked(true);
    account.roles().put(role);
    return Struct.of("Role", RoleViews.described(role));
  }

  private Map<String, ?> deleteServiceLinkedRole(OperationCall call) {
    AccountState account = call.account();
    Role role = IamRoles.require(account, call.params().string("RoleName"));
    if (!role.isServiceLinked()) {
      throw AwsServiceException.noSuchEntity("There is no service-linked role with name " + role.roleName() + ".");
    }
    String service = role.path().substring(PATH_PREFIX.length(), role.path().length() - 1);
    String taskId = "task" + PATH_PREFIX + service + "/" + role.roleName() + "/" + account.ids().uuid();
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
        + service + "\"},\"Action\":\"sts:AssumeRole\"}]}";
  }

  /** Deletion task ID to status, per account; written under the write lock, read under the read lock. */
  private static Map<String, String> tasks(AccountState account) {
    return account.extension(DeletionTasks.class, a -> new DeletionTasks()).byId;
  }

  /** The account's deletion tasks. */
  private static final class DeletionTasks {
    final Map<String, String> byId = new HashMap<>();
  }
}
