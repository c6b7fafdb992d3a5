package io.iamlocal.server.iam;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.ServiceSpecificCredential;
import io.iamlocal.server.state.ServiceSpecificCredentials;
import io.iamlocal.server.state.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Service-specific credentials: Git/Keyspaces user names and passwords, and Bedrock/CloudWatch Logs
 * API keys. The secret is shown by Create and Reset only.
 */
public final class ServiceSpecificCredentialOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "CreateServiceSpecificCredential", this::create);
    registry.register("iam", "ListServiceSpecificCredentials", this::list);
    registry.register("iam", "UpdateServiceSpecificCredential", this::update);
    registry.register("iam", "ResetServiceSpecificCredential", this::reset);
    registry.register("iam", "DeleteServiceSpecificCredential", this::delete);
  }

  private Map<String, ?> create(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    User user = IamUsers.require(account, p.string("UserName"));
    ServiceSpecificCredentials.Service service =
        ServiceSpecificCredentials.Service.named(p.string("ServiceName"));
    ServiceSpecificCredential credential =
        ServiceSpecificCredentials.of(account)
            .create(user, service, p.integer("CredentialAgeDays"), account, call.now());
    return Struct.of("ServiceSpecificCredential", full(credential, call.now()));
  }

  /**
   * The caller's (or UserName's) credentials; with AllUsers, every user's, in user name order.
   * ServiceName filters either way.
   */
  private Map<String, ?> list(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    ServiceSpecificCredentials credentials = ServiceSpecificCredentials.of(account);
    ServiceSpecificCredentials.Service service =
        p.has("ServiceName")
            ? ServiceSpecificCredentials.Service.named(p.string("ServiceName"))
            : null;
    List<ServiceSpecificCredential> found = new ArrayList<>();
    if (p.bool("AllUsers", false)) {
      if (p.has("UserName")) {
        throw AwsServiceException.validation(
            "AllUsers cannot be specified together with UserName.");
      }
      account.users().values().forEach(u -> found.addAll(credentials.of(u, service)));
    } else {
      User user = IamUsers.targetOrCaller(call, "UserName");
      if (user != null) {
        found.addAll(credentials.of(user, service));
      }
    }
    Instant now = call.now();
    return Pagination.page(call, found, "ServiceSpecificCredentials", c -> metadata(c, now));
  }

  private Map<String, ?> update(OperationCall call) {
    target(call).setActive("Active".equals(call.params().string("Status")));
    return null;
  }

  private Map<String, ?> reset(OperationCall call) {
    User user = owner(call);
    ServiceSpecificCredential credential =
        ServiceSpecificCredentials.of(call.account())
            .reset(user, call.params().string("ServiceSpecificCredentialId"), call.account().ids());
    return Struct.of("ServiceSpecificCredential", full(credential, call.now()));
  }

  private Map<String, ?> delete(OperationCall call) {
    ServiceSpecificCredentials.of(call.account())
        .delete(owner(call), call.params().string("ServiceSpecificCredentialId"));
    return null;
  }

  private static ServiceSpecificCredential target(OperationCall call) {
    return ServiceSpecificCredentials.of(call.account())
        .require(owner(call), call.params().string("ServiceSpecificCredentialId"));
  }

  /** UserName, else the calling user; root owns no service-specific credentials. */
  private static User owner(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    if (user == null) {
      throw AwsServiceException.noSuchEntity(
          "No such credential " + call.params().string("ServiceSpecificCredentialId") + " exists");
    }
    return user;
  }

  private static Struct metadata(ServiceSpecificCredential credential, Instant now) {
    Struct view =
        new Struct()
            .with("UserName", credential.owner().userName())
            .with("Status", credential.status(now));
    if (credential.isApiKey()) {
      view.with("ServiceCredentialAlias", credential.serviceUserName());
    } else {
      view.with("ServiceUserName", credential.serviceUserName());
    }
    return view.with("CreateDate", credential.createDate())
        .with("ExpirationDate", credential.expirationDate())
        .with("ServiceSpecificCredentialId", credential.serviceSpecificCredentialId())
        .with("ServiceName", credential.serviceName());
  }

  private static Struct full(ServiceSpecificCredential credential, Instant now) {
    Struct view = metadata(credential, now);
    return view.with(
        credential.isApiKey() ? "ServiceCredentialSecret" : "ServicePassword", credential.secret());
  }
}
