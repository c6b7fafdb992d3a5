package io.iamlocal.server.iam;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.crypto.SshRsaKeys;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.SshPublicKey;
import io.iamlocal.server.state.SshPublicKeys;
import io.iamlocal.server.state.User;
import java.util.List;
import java.util.Map;

/**
 * SSH public keys of IAM users (CodeCommit): upload, get in SSH or PEM encoding, update, delete,
 * list.
 */
public final class SshPublicKeyOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "UploadSSHPublicKey", this::upload);
    registry.register("iam", "GetSSHPublicKey", this::get);
    registry.register("iam", "UpdateSSHPublicKey", this::update);
    registry.register("iam", "DeleteSSHPublicKey", this::delete);
    registry.register("iam", "ListSSHPublicKeys", this::list);
  }

  private Map<String, ?> upload(OperationCall call) {
    AccountState account = call.account();
    User user = IamUsers.require(account, call.params().string("UserName"));
    SshPublicKey key =
        SshPublicKeys.of(account)
            .upload(user, call.params().string("SSHPublicKeyBody"), account.ids(), call.now());
    return Struct.of("SSHPublicKey", view(key, key.body()));
  }

  private Map<String, ?> get(OperationCall call) {
    SshPublicKey key = target(call);
    SshRsaKeys.Format encoding = SshRsaKeys.Format.valueOf(call.params().string("Encoding"));
    return Struct.of("SSHPublicKey", view(key, key.body(encoding)));
  }

  private Map<String, ?> update(OperationCall call) {
    target(call).setStatus(call.params().string("Status"));
    return null;
  }

  private Map<String, ?> delete(OperationCall call) {
    Params p = call.params();
    User user = IamUsers.require(call.account(), p.string("UserName"));
    SshPublicKeys.of(call.account()).delete(user, p.string("SSHPublicKeyId"));
    return null;
  }

  /** Without UserName, the caller's keys; root has none. */
  private Map<String, ?> list(OperationCall call) {
    User user = IamUsers.targetOrCaller(call, "UserName");
    List<SshPublicKey> keys = user == null ? List.of() : SshPublicKeys.of(call.account()).of(user);
    return Pagination.page(
        call,
        keys,
        "SSHPublicKeys",
        key ->
            new Struct()
                .with("UserName", key.owner().userName())
                .with("SSHPublicKeyId", key.sshPublicKeyId())
                .with("Status", key.status())
                .with("UploadDate", key.uploadDate()));
  }

  private static SshPublicKey target(OperationCall call) {
    Params p = call.params();
    User user = IamUsers.require(call.account(), p.string("UserName"));
    return SshPublicKeys.of(call.account()).require(user, p.string("SSHPublicKeyId"));
  }

  private static Struct view(SshPublicKey key, String body) {
    return new Struct()
        .with("UserName", key.owner().userName())
        .with("SSHPublicKeyId", key.sshPublicKeyId())
        .with("Fingerprint", key.fingerprint())
        .with("SSHPublicKeyBody", body)
        .with("Status", key.status())
        .with("UploadDate", key.uploadDate());
  }
}
