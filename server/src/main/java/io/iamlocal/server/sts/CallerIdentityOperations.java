package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.sessions;

import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.SessionAccess;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.Caller;
import java.util.Map;

/** STS GetCallerIdentity: who signed the request. Needs no permission, as in AWS. */
public final class CallerIdentityOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "sts",
        "GetCallerIdentity",
        this::getCallerIdentity,
        sessions(SessionAccess.ANY),
        resource(
            ResourceForm.UNCHECKED,
            "needs no permission: AWS answers it even when every action is denied"));
  }

  private Map<String, ?> getCallerIdentity(OperationCall call) {
    Caller caller = call.caller();
    return new Struct()
        .with("UserId", caller.userId())
        .with("Account", caller.accountId())
        .with("Arn", caller.arn());
  }
}
