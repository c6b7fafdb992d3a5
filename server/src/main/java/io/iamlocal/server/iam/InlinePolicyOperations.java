package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.conditionKeys;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import java.util.ArrayList;
import java.util.Map;

/**
 * Inline policies of users, groups and roles: Put/Get/Delete/List{User,Group,Role}Policy. A Put
 * replaces a policy of the same name; the quota is on the sum of an entity's inline documents.
 */
public final class InlinePolicyOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "PutUserPolicy",
        call -> put(call, PolicyHolder.user(call)),
        conditionKeys("iam:PermissionsBoundary"));
    registry.register(
        "iam", "GetUserPolicy", call -> get(call, PolicyHolder.user(call), "UserName"));
    registry.register(
        "iam",
        "DeleteUserPolicy",
        call -> delete(call, PolicyHolder.user(call)),
        conditionKeys("iam:PermissionsBoundary"));
    registry.register("iam", "ListUserPolicies", call -> list(call, PolicyHolder.user(call)));
    registry.register("iam", "PutGroupPolicy", call -> put(call, PolicyHolder.group(call)));
    registry.register(
        "iam", "GetGroupPolicy", call -> get(call, PolicyHolder.group(call), "GroupName"));
    registry.register("iam", "DeleteGroupPolicy", call -> delete(call, PolicyHolder.group(call)));
    registry.register("iam", "ListGroupPolicies", call -> list(call, PolicyHolder.group(call)));
    registry.register(
        "iam",
        "PutRolePolicy",
        call -> put(call, PolicyHolder.modifiableRole(call)),
        conditionKeys("iam:PermissionsBoundary"));
    registry.register(
        "iam", "GetRolePolicy", call -> get(call, PolicyHolder.role(call), "RoleName"));
    registry.register(
        "iam",
        "DeleteRolePolicy",
        call -> delete(call, PolicyHolder.modifiableRole(call)),
        conditionKeys("iam:PermissionsBoundary"));
    registry.register("iam", "ListRolePolicies", call -> list(call, PolicyHolder.role(call)));
  }

  private Map<String, ?> put(OperationCall call, PolicyHolder holder) {
    Params p = call.params();
    String policyName = p.string("PolicyName");
    String document = p.string("PolicyDocument");
    PolicyDocuments.identity(call.account(), document);
    int total = PolicyDocuments.size(document);
    for (Map.Entry<String, String> other : holder.policies().inline().entrySet()) {
      if (!other.getKey().equals(policyName)) {
        total += PolicyDocuments.size(other.getValue());
      }
    }
    if (total > holder.inlineSizeQuota()) {
      throw AwsServiceException.limitExceeded(
          "Maximum policy size of "
              + holder.inlineSizeQuota()
              + " bytes exceeded for "
              + holder.type()
              + " "
              + holder.name());
    }
    holder.policies().putInline(policyName, document);
    return null;
  }

  private Map<String, ?> get(OperationCall call, PolicyHolder holder, String nameMember) {
    String policyName = call.params().string("PolicyName");
    String document = require(holder, policyName);
    return new Struct()
        .with(nameMember, holder.name())
        .with("PolicyName", policyName)
        .with("PolicyDocument", PolicyUrlEncoding.encode(document));
  }

  private Map<String, ?> delete(OperationCall call, PolicyHolder holder) {
    String policyName = call.params().string("PolicyName");
    require(holder, policyName);
    holder.policies().removeInline(policyName);
    return null;
  }

  private Map<String, ?> list(OperationCall call, PolicyHolder holder) {
    return Pagination.page(
        call, new ArrayList<>(holder.policies().inline().keySet()), "PolicyNames", name -> name);
  }

  private static String require(PolicyHolder holder, String policyName) {
    String document = holder.policies().inline().get(policyName);
    if (document == null) {
      throw AwsServiceException.noSuchEntity(
          "The " + holder.type() + " policy with name " + policyName + " cannot be found.");
    }
    return document;
  }
}
