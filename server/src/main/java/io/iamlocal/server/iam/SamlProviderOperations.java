package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.SamlProvider;
import io.iamlocal.server.state.SamlProviders;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SAML 2.0 identity providers: create, get, update (metadata, encryption mode, keys), delete, list,
 * tags.
 */
public final class SamlProviderOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateSAMLProvider",
        this::create,
        resource(
            ResourceForm.NEW_SAML,
            "Name",
            "the provider does not exist yet: its ARN is built from Name"),
        tagAction("iam:TagSAMLProvider"));
    registry.register("iam", "GetSAMLProvider", this::get);
    registry.register("iam", "UpdateSAMLProvider", this::update);
    registry.register("iam", "DeleteSAMLProvider", this::delete);
    registry.register("iam", "ListSAMLProviders", this::list);
    Function<OperationCall, Tags> tags = call -> target(call).tags();
    registry.register("iam", "TagSAMLProvider", TagHandlers.tag(tags, ResourceTags::apply));
    registry.register("iam", "UntagSAMLProvider", TagHandlers.untag(tags));
    registry.register("iam", "ListSAMLProviderTags", TagHandlers.list(tags));
  }

  private Map<String, ?> create(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    SamlProvider provider =
        SamlProviders.of(account).create(p.string("Name"), settings(p), account.ids(), call.now());
    ResourceTags.apply(provider.tags(), tags);
    return new Struct()
        .with("SAMLProviderArn", provider.arn())
        .with("Tags", tags.isEmpty() ? null : TagParams.views(provider.tags()));
  }

  /** AWS sends PrivateKeyList and Tags even when empty. */
  private Map<String, ?> get(OperationCall call) {
    SamlProvider provider = target(call);
    return new Struct()
        .with("SAMLProviderUUID", provider.samlProviderUuid())
        .with("SAMLMetadataDocument", provider.metadataDocument())
        .with("CreateDate", provider.createDate())
        .with("ValidUntil", provider.validUntil())
        .with("Tags", TagParams.views(provider.tags()))
        .with("AssertionEncryptionMode", provider.assertionEncryptionMode())
        .with(
            "PrivateKeyList",
            provider.privateKeys().stream()
                .map(k -> new Struct().with("KeyId", k.keyId()).with("Timestamp", k.timestamp()))
                .toList());
  }

  private Map<String, ?> update(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    SamlProvider provider =
        SamlProviders.of(account)
            .update(p.string("SAMLProviderArn"), settings(p), account.ids(), call.now());
    return Struct.of("SAMLProviderArn", provider.arn());
  }

  private Map<String, ?> delete(OperationCall call) {
    SamlProviders.of(call.account()).delete(call.params().string("SAMLProviderArn"));
    return null;
  }

  private Map<String, ?> list(OperationCall call) {
    return Struct.of(
        "SAMLProviderList",
        SamlProviders.of(call.account()).values().stream()
            .map(
                provider ->
                    new Struct()
                        .with("Arn", provider.arn())
                        .with("ValidUntil", provider.validUntil())
                        .with("CreateDate", provider.createDate()))
            .toList());
  }

  private static SamlProvider target(OperationCall call) {
    return SamlProviders.of(call.account()).require(call.params().string("SAMLProviderArn"));
  }

  /** CreateSAMLProvider's or UpdateSAMLProvider's settings (only updates remove a key). */
  private static SamlProviders.Settings settings(Params p) {
    return new SamlProviders.Settings(
        p.string("SAMLMetadataDocument"),
        p.string("AssertionEncryptionMode"),
        p.string("AddPrivateKey"),
        p.carries("RemovePrivateKey") ? p.string("RemovePrivateKey") : null);
  }
}
