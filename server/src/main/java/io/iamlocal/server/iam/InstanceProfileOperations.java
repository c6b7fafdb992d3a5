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
import io.iamlocal.server.state.IdPrefix;
import io.iamlocal.server.state.InstanceProfile;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** EC2 instance profiles: lifecycle, their (single) role and their tags. */
public final class InstanceProfileOperations implements Operations {
  /** Instance profiles per account (IAM quotas page, default). */
  static final int INSTANCE_PROFILES_PER_ACCOUNT = 1000;

  /** An instance profile holds at most one role (not adjustable). */
  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateInstanceProfile",
        this::createInstanceProfile,
        resource(
            ResourceForm.NEW_INSTANCE_PROFILE,
            "InstanceProfileName",
            "the instance profile does not exist yet: its ARN is built from Path and InstanceProfileName"),
        tagAction("iam:TagInstanceProfile"));
    registry.register("iam", "GetInstanceProfile", this::getInstanceProfile);
    registry.register("iam", "DeleteInstanceProfile", this::deleteInstanceProfile);
    registry.register(
        "iam",
        "ListInstanceProfiles",
        this::listInstanceProfiles,
        resource(
            ResourceForm.LIST,
            "instance-profile",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:instance-profile/), so policies scoped to it match; the reference lists no resource type"));
    registry.register("iam", "AddRoleToInstanceProfile", this::addRoleToInstanceProfile);
    registry.register("iam", "RemoveRoleFromInstanceProfile", this::removeRoleFromInstanceProfile);
    registry.register("iam", "ListInstanceProfilesForRole", this::listInstanceProfilesForRole);
    Function<OperationCall, Tags> tags =
        call ->
            IamInstanceProfiles.require(call.account(), call.params().string("InstanceProfileName"))
                .tags();
    registry.register("iam", "TagInstanceProfile", TagHandlers.tag(tags, "TagsPerInstanceProfile"));
    registry.register("iam", "UntagInstanceProfile", TagHandlers.untag(tags));
    registry.register("iam", "ListInstanceProfileTags", TagHandlers.list(tags));
  }

  private Map<String, ?> createInstanceProfile(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String name = p.string("InstanceProfileName");
    if (account.instanceProfiles().contains(name)) {
      throw AwsServiceException.alreadyExists("Instance Profile " + name + " already exists.");
    }
    if (account.instanceProfiles().size() >= INSTANCE_PROFILES_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for InstanceProfilesPerAccount: " + INSTANCE_PROFILES_PER_ACCOUNT);
    }
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    InstanceProfile profile =
        new InstanceProfile(
            account.partition(),
            account.accountId(),
            name,
            p.string("Path", "/"),
            account.ids().uniqueId(IdPrefix.AIPA),
            call.now());
    profile.tags().apply(tags, "TagsPerInstanceProfile");
    account.instanceProfiles().put(profile);
    return Struct.of("InstanceProfile", InstanceProfileViews.created(profile));
  }

  private Map<String, ?> getInstanceProfile(OperationCall call) {
    InstanceProfile profile =
        IamInstanceProfiles.require(call.account(), call.params().string("InstanceProfileName"));
    return Struct.of("InstanceProfile", InstanceProfileViews.full(profile));
  }

  private Map<String, ?> deleteInstanceProfile(OperationCall call) {
    AccountState account = call.account();
    InstanceProfile profile =
        IamInstanceProfiles.require(account, call.params().string("InstanceProfileName"));
    if (!profile.roles().isEmpty()) {
      throw AwsServiceException.deleteConflict(
          "Cannot delete entity, must remove roles from instance profile first.");
    }
    account.instanceProfiles().remove(profile.instanceProfileName());
    return null;
  }

  private Map<String, ?> listInstanceProfiles(OperationCall call) {
    String prefix = call.params().string("PathPrefix", "/");
    return Pagination.page(
        call,
        call.account().instanceProfiles(),
        ip -> ip.path().startsWith(prefix),
        "InstanceProfiles",
        InstanceProfileViews::listed);
  }

  /** A profile that already holds a role is full, even for the same role again. */
  private Map<String, ?> addRoleToInstanceProfile(OperationCall call) {
    AccountState account = call.account();
    InstanceProfile profile =
        IamInstanceProfiles.require(account, call.params().string("InstanceProfileName"));
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    profile.addRole(role);
    return null;
  }

  private Map<String, ?> removeRoleFromInstanceProfile(OperationCall call) {
    AccountState account = call.account();
    InstanceProfile profile =
        IamInstanceProfiles.require(account, call.params().string("InstanceProfileName"));
    Role role = IamRoles.requireModifiable(account, call.params().string("RoleName"));
    if (!profile.removeRole(role)) {
      throw AwsServiceException.noSuchEntity(
          "Role "
              + role.roleName()
              + " in Instance Profile "
              + profile.instanceProfileName()
              + " cannot be found.");
    }
    return null;
  }

  private Map<String, ?> listInstanceProfilesForRole(OperationCall call) {
    Role role = IamRoles.require(call.account(), call.params().string("RoleName"));
    return Pagination.page(
        call,
        NameOrder.of(role.instanceProfiles(), InstanceProfile::instanceProfileName),
        ip -> true,
        "InstanceProfiles",
        InstanceProfileViews::listed);
  }
}
