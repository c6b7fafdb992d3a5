package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Group;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.User;
import java.util.Map;

/**
 * Groups and their membership: Create/Get/Update/Delete/ListGroups, Add/RemoveUserFromGroup,
 * ListGroupsForUser.
 */
public final class GroupOperations implements Operations {
  /** Groups per account (IAM quotas page, default). */
  static final int GROUPS_PER_ACCOUNT = 300;

  /** Groups one user can be a member of (IAM quotas page, not adjustable). */
  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateGroup",
        this::createGroup,
        resource(
            ResourceForm.NEW_GROUP,
            "GroupName",
            "the group does not exist yet: its ARN is built from Path and GroupName"));
    registry.register("iam", "GetGroup", this::getGroup);
    registry.register("iam", "UpdateGroup", this::updateGroup);
    registry.register("iam", "DeleteGroup", this::deleteGroup);
    registry.register(
        "iam",
        "ListGroups",
        this::listGroups,
        resource(
            ResourceForm.LIST,
            "group",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:group/), so policies scoped to it match; the reference lists no resource type"));
    registry.register("iam", "AddUserToGroup", this::addUserToGroup);
    registry.register("iam", "RemoveUserFromGroup", this::removeUserFromGroup);
    registry.register("iam", "ListGroupsForUser", this::listGroupsForUser);
  }

  private Map<String, ?> createGroup(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String name = p.string("GroupName");
    if (account.groups().contains(name)) {
      throw alreadyExists(name);
    }
    if (account.groups().size() >= GROUPS_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for GroupsPerAccount: " + GROUPS_PER_ACCOUNT);
    }
    Group group =
        new Group(
            account.partition(),
            account.accountId(),
            name,
            p.string("Path", "/"),
            account.ids().uniqueId(IdPrefix.AGPA),
            call.now());
    account.groups().put(group);
    return Struct.of("Group", GroupViews.view(group));
  }

  /** The group and one page of its members, in name order. */
  private Map<String, ?> getGroup(OperationCall call) {
    Group group = IamGroups.require(call.account(), call.params().string("GroupName"));
    return Pagination.page(
            call,
            NameOrder.of(group.members(), User::userName),
            u -> true,
            "Users",
            UserViews::listed)
        .with("Group", GroupViews.view(group));
  }

  private Map<String, ?> updateGroup(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    Group group = IamGroups.require(account, p.string("GroupName"));
    String newName = p.string("NewGroupName");
    if (newName != null && !newName.equals(group.groupName())) {
      Group other = account.groups().get(newName);
      if (other != null && other != group) {
        throw alreadyExists(newName);
      }
      account.groups().remove(group.groupName());
      group.rename(newName);
      account.groups().put(group);
    }
    if (p.has("NewPath")) {
      group.setPath(p.string("NewPath"));
    }
    return null;
  }

  private Map<String, ?> deleteGroup(OperationCall call) {
    AccountState account = call.account();
    Group group = IamGroups.require(account, call.params().string("GroupName"));
    if (!group.members().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must remove users from group first.");
    }
    if (!group.policies().inline().isEmpty()) {
      throw AwsServiceException.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (!group.policies().attached().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must detach all policies first.");
    }
    account.groups().remove(group.groupName());
    return null;
  }

  private Map<String, ?> listGroups(OperationCall call) {
    String prefix = call.params().string("PathPrefix", "/");
    return Pagination.page(
        call,
        call.account().groups(),
        g -> g.path().startsWith(prefix),
        "Groups",
        GroupViews::view);
  }

  /** Adding a member twice succeeds and changes nothing. */
  /**
   * The user is looked up before the group (recorded from AWS), here and in RemoveUserFromGroup.
   */
  private Map<String, ?> addUserToGroup(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    Group group = IamGroups.require(account, call.params().string("GroupName"));
    group.addMember(user);
    return null;
  }

  private Map<String, ?> removeUserFromGroup(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    Group group = IamGroups.require(account, call.params().string("GroupName"));
    // Removing a user who is not a member succeeds (recorded from AWS).
    group.removeMember(user);
    return null;
  }

  private Map<String, ?> listGroupsForUser(OperationCall call) {
    User user = IamUsers.require(call.account(), call.params().string("UserName"));
    return Pagination.page(
        call, NameOrder.of(user.groups(), Group::groupName), g -> true, "Groups", GroupViews::view);
  }

  private static AwsServiceException alreadyExists(String name) {
    return AwsServiceException.alreadyExists("Group with name " + name + " already exists.");
  }
}
