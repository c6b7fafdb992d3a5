package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.SigningCertificate;
import io.iamlocal.server.state.SigningCertificates;
import io.iamlocal.server.state.User;
import java.util.Map;

/**
 * X.509 signing certificates of IAM users and of the root user. Without UserName every operation
 * works on the caller's own certificates, as AWS documents for UploadSigningCertificate.
 */
public final class SigningCertificateOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register("iam", "UploadSigningCertificate", this::upload);
    registry.register("iam", "UpdateSigningCertificate", this::update);
    registry.register("iam", "DeleteSigningCertificate", this::delete);
    registry.register("iam", "ListSigningCertificates", this::list);
  }

  private Map<String, ?> upload(OperationCall call) {
    AccountState account = call.account();
    User owner = IamUsers.targetOrCaller(call, "UserName");
    SigningCertificate certificate =
        SigningCertificates.of(account)
            .upload(owner, call.params().string("CertificateBody"), account.ids(), call.now());
    return Struct.of("Certificate", view(certificate));
  }

  private Map<String, ?> update(OperationCall call) {
    target(call).setStatus(call.params().string("Status"));
    return null;
  }

  private Map<String, ?> delete(OperationCall call) {
    User owner = IamUsers.targetOrCaller(call, "UserName");
    SigningCertificates.of(call.account()).delete(owner, call.params().string("CertificateId"));
    return null;
  }

  private Map<String, ?> list(OperationCall call) {
    User owner = IamUsers.targetOrCaller(call, "UserName");
    return Pagination.page(
        call,
        SigningCertificates.of(call.account()).of(owner),
        "Certificates",
        SigningCertificateOperations::view);
  }

  private static SigningCertificate target(OperationCall call) {
    User owner = IamUsers.targetOrCaller(call, "UserName");
    return SigningCertificates.of(call.account())
        .require(owner, call.params().string("CertificateId"));
  }

  /** Root's certificates carry no UserName, like root's access keys. */
  private static Struct view(SigningCertificate certificate) {
    return new Struct()
        .with("UserName", certificate.owner() == null ? null : certificate.owner().userName())
        .with("CertificateId", certificate.certificateId())
        .with("CertificateBody", certificate.body())
        .with("Status", certificate.status())
        .with("UploadDate", certificate.uploadDate());
  }
}
