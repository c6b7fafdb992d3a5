package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccessKey;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Access keys of users and of the root user. A created key signs requests at once; an inactive key
 * is refused at authentication.
 */
public final class AccessKeyOperations implements Operations {
  /** AWS allows two access keys per user, active or not. */
  static final int KEYS_PER_USER = 2;

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "CreateAccessKey", this::createAccessKey);
    registry.register("iam", "ListAccessKeys", this::listAccessKeys);
    registry.register("iam", "UpdateAccessKey", this::updateAccessKey);
    registry.register("iam", "DeleteAccessKey", this::deleteAccessKey);
    registry.register(
        "iam",
        "GetAccessKeyLastUsed",
        this::getAccessKeyLastUsed,
        resource(
            ResourceForm.KEY_OWNER,
            "AccessKeyId",
            "the request names the key, not its user: authorized against the key's owner"));
  }

  private Map<String, ?> createAccessKey(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.targetOrCaller(call, "UserName");
    List<AccessKey> existing = keysOf(account, user);
    if (existing.size() >= KEYS_PER_USER) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for AccessKeysPerUser: " + KEYS_PER_USER);
    }
    AccessKey key =
        new AccessKey(
            account.ids().accessKeyId(IdPrefix.AKIA, account.accountId()),
            account.ids().secretAccessKey(),
            user,
            call.now());
    if (user != null) {
      user.accessKeys().add(key);
    }
    account.addAccessKey(key);
    return Struct.of(
        "AccessKey",
        new Struct()
            .with("UserName", user == null ? null : user.userName())
            .with("AccessKeyId", key.accessKeyId())
            .with("Status", key.status())
            .with("SecretAccessKey", key.secretAccessKey())
            .with("CreateDate", key.createDate()));
  }

  private Map<String, ?> listAccessKeys(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    return Pagination.page(
        call,
        keysOf(call.account(), user),
        "AccessKeyMetadata",
        key ->
            new Struct()
                .with("UserName", user == null ? null : user.userName())
                .with("AccessKeyId", key.accessKeyId())
                .with("Status", key.status())
                .with("CreateDate", key.createDate()));
  }

  private Map<String, ?> updateAccessKey(OperationCall call) {
    AccessKey key = ownedKey(call);
    key.setActive("Active".equals(call.params().string("Status")));
    return null;
  }

  private Map<String, ?> deleteAccessKey(OperationCall call) {
    AccessKey key = ownedKey(call);
    call.account().removeAccessKey(key.accessKeyId());
    if (key.owner() != null) {
      key.owner().accessKeys().remove(key);
    }
    return null;
  }

  private Map<String, ?> getAccessKeyLastUsed(OperationCall call) {
    String id = call.params().string("AccessKeyId");
    AccessKey key = call.account().accessKeys().get(id);
    if (key == null) {
      // AWS does not say whether a key exists to a caller who asks about an unknown one (recorded).
      throw AwsServiceException.accessDenied(
          "User: "
              + call.caller().arn()
              + " is not authorized to perform iam:GetAccessKeyLastUsed on resource: access key "
              + id);
    }
    AccessKey.LastUsed used = key.lastUsed();
    return new Struct()
        .with("UserName", key.owner() == null ? null : key.owner().userName())
        .with(
            "AccessKeyLastUsed",
            new Struct()
                .with("LastUsedDate", used == null ? null : used.date())
                .with("ServiceName", used == null ? "N/A" : used.serviceName())
                .with("Region", used == null ? "N/A" : used.region()));
  }

  /** The key named by AccessKeyId, which must belong to the target user (or root). */
  private static AccessKey ownedKey(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    String id = call.params().string("AccessKeyId");
    AccessKey key = call.account().accessKeys().get(id);
    if (key == null || key.owner() != user) {
      throw notFound(id);
    }
    return key;
  }

  /** A user's keys, or root's keys when {@code user} is null, oldest first. */
  private static List<AccessKey> keysOf(AccountState account, User user) {
    if (user != null) {
      return user.accessKeys();
    }
    List<AccessKey> root = new ArrayList<>();
    for (AccessKey key : account.accessKeys().values()) {
      if (key.owner() == null) {
        root.add(key);
      }
    }
    root.sort(Comparator.comparing(AccessKey::createDate).thenComparing(AccessKey::accessKeyId));
    return root;
  }

  private static AwsServiceException notFound(String id) {
    return AwsServiceException.noSuchEntity("The Access Key with id " + id + " cannot be found.");
  }
}
