package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.Tags;
import io.iamlocal.server.state.User;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** CreateUser, GetUser, UpdateUser, DeleteUser, ListUsers and the user tag operations. */
public final class UserOperations implements Operations {
  /**
   * IAM users per account (IAM quotas page: 5000). AWS raises it on request; so does the system
   * property {@code iamlocal.quota.UsersPerAccount} (the benchmark fills 10,000 users).
   */
  static final int USERS_PER_ACCOUNT = Integer.getInteger("iamlocal.quota.UsersPerAccount", 5000);

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateUser",
        this::createUser,
        resource(
            ResourceForm.NEW_USER,
            "UserName",
            "the user does not exist yet: its ARN is built from Path and UserName"),
        tagAction("iam:TagUser"));
    registry.register("iam", "GetUser", this::getUser);
    registry.register("iam", "UpdateUser", this::updateUser);
    registry.register("iam", "DeleteUser", this::deleteUser);
    registry.register(
        "iam",
        "ListUsers",
        this::listUsers,
        resource(
            ResourceForm.LIST,
            "user",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:user/), so policies scoped to it match; the reference lists no resource type"));
    Function<OperationCall, Tags> tags =
        call -> IamUsers.require(call.account(), call.params().string("UserName")).tags();
    registry.register("iam", "TagUser", TagHandlers.tag(tags, "TagsPerUser"));
    registry.register("iam", "UntagUser", TagHandlers.untag(tags));
    registry.register("iam", "ListUserTags", TagHandlers.list(tags));
  }

  private Map<String, ?> createUser(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String name = p.string("UserName");
    if (account.users().contains(name)) {
      throw AwsServiceException.alreadyExists("User with name " + name + " already exists.");
    }
    if (account.users().size() >= USERS_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for UsersPerAccount: " + USERS_PER_ACCOUNT);
    }
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    String boundary = p.string("PermissionsBoundary");
    if (boundary != null) {
      PermissionsBoundaries.check(account, boundary);
    }
    User user =
        new User(
            account.partition(),
            account.accountId(),
            name,
            p.string("Path", "/"),
            account.ids().uniqueId(IdPrefix.AIDA),
            call.now());
    user.tags().apply(tags, "TagsPerUser");
    user.setPermissionsBoundaryArn(boundary);
    account.users().put(user);
    PermissionsBoundaries.attached(account, boundary);
    return Struct.of("User", UserViews.full(user));
  }

  private Map<String, ?> getUser(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    if (user == null) {
      AccountState account = call.account();
      // The root user has no name; AWS answers with the account ID and the root ARN.
      return Struct.of(
          "User",
          new Struct()
              .with("UserId", account.accountId())
              .with("Arn", Arns.root(account.partition(), account.accountId()))
              .with("CreateDate", account.createDate()));
    }
    return Struct.of("User", UserViews.full(user));
  }

  private Map<String, ?> updateUser(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    User user = IamUsers.require(account, p.string("UserName"));
    String newName = p.string("NewUserName");
    if (newName != null && !newName.equals(user.userName())) {
      User other = account.users().get(newName);
      if (other != null && other != user) {
        throw AwsServiceException.alreadyExists("User with name " + newName + " already exists.");
      }
      account.users().remove(user.userName());
      user.rename(newName);
      account.users().put(user);
    }
    if (p.has("NewPath")) {
      user.setPath(p.string("NewPath"));
    }
    return null;
  }

  private Map<String, ?> deleteUser(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    UserDeletion.checkNoDependents(account, user);
    account.users().remove(user.userName());
    PermissionsBoundaries.detached(account, user.permissionsBoundaryArn());
    return null;
  }

  private Map<String, ?> listUsers(OperationCall call) {
    String prefix = call.params().string("PathPrefix", "/");
    return Pagination.page(
        call, call.account().users(), u -> u.path().startsWith(prefix), "Users", UserViews::listed);
  }
}
