package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.ServerCertificate;
import io.iamlocal.server.state.ServerCertificates;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Server certificates: upload, get, rename/move, delete, list by path, and their tags. Never
 * returns the private key.
 */
public final class ServerCertificateOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "UploadServerCertificate",
        this::upload,
        resource(
            ResourceForm.NEW_SERVER_CERTIFICATE,
            "ServerCertificateName",
            "the certificate does not exist yet: its ARN is built from Path and ServerCertificateName"),
        tagAction("iam:TagServerCertificate"));
    registry.register("iam", "GetServerCertificate", this::get);
    registry.register("iam", "UpdateServerCertificate", this::update);
    registry.register("iam", "DeleteServerCertificate", this::delete);
    registry.register(
        "iam",
        "ListServerCertificates",
        this::list,
        resource(
            ResourceForm.LIST,
            "server-certificate",
            "AWS's AccessDenied for list calls names the path-prefix ARN (arn:aws:iam::ACCOUNT:server-certificate/), so policies scoped to it match; the reference lists no resource type"));
    Function<OperationCall, Tags> tags = call -> target(call).tags();
    registry.register("iam", "TagServerCertificate", TagHandlers.tag(tags, ResourceTags::apply));
    registry.register("iam", "UntagServerCertificate", TagHandlers.untag(tags));
    registry.register("iam", "ListServerCertificateTags", TagHandlers.list(tags));
  }

  private Map<String, ?> upload(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    ServerCertificate certificate =
        ServerCertificates.of(account)
            .upload(
                account,
                new ServerCertificates.Upload(
                    p.string("ServerCertificateName"),
                    p.string("Path", "/"),
                    p.string("CertificateBody"),
                    p.string("PrivateKey"),
                    p.string("CertificateChain")),
                call.now());
    ResourceTags.apply(certificate.tags(), tags);
    return new Struct()
        .with("ServerCertificateMetadata", metadata(certificate))
        .with("Tags", tags.isEmpty() ? null : TagParams.views(certificate.tags()));
  }

  private Map<String, ?> get(OperationCall call) {
    ServerCertificate certificate = target(call);
    return Struct.of(
        "ServerCertificate",
        new Struct()
            .with("ServerCertificateMetadata", metadata(certificate))
            .with("CertificateBody", certificate.certificateBody())
            .with("CertificateChain", certificate.certificateChain())
            .with("Tags", TagParams.views(certificate.tags())));
  }

  private Map<String, ?> update(OperationCall call) {
    Params p = call.params();
    ServerCertificates.of(call.account())
        .update(
            p.string("ServerCertificateName"),
            p.string("NewServerCertificateName"),
            p.string("NewPath"));
    return null;
  }

  private Map<String, ?> delete(OperationCall call) {
    ServerCertificates.of(call.account()).delete(call.params().string("ServerCertificateName"));
    return null;
  }

  private Map<String, ?> list(OperationCall call) {
    String prefix = call.params().string("PathPrefix", "/");
    return Pagination.page(
        call,
        ServerCertificates.of(call.account()).store(),
        c -> c.path().startsWith(prefix),
        "ServerCertificateMetadataList",
        ServerCertificateOperations::metadata);
  }

  private static ServerCertificate target(OperationCall call) {
    return ServerCertificates.of(call.account())
        .require(call.params().string("ServerCertificateName"));
  }

  private static Struct metadata(ServerCertificate certificate) {
    return new Struct()
        .with("Path", certificate.path())
        .with("ServerCertificateName", certificate.serverCertificateName())
        .with("ServerCertificateId", certificate.serverCertificateId())
        .with("Arn", certificate.arn())
        .with("UploadDate", certificate.uploadDate())
        .with("Expiration", certificate.expiration());
  }
}
