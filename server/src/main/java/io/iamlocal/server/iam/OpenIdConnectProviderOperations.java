package io.iamlocal.server.iam;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.tagAction;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.OpenIdConnectProvider;
import io.iamlocal.server.state.OpenIdConnectProviders;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * OpenID Connect identity providers: create, get, delete, list, client IDs, thumbprints and tags.
 */
public final class OpenIdConnectProviderOperations implements Operations {

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "iam",
        "CreateOpenIDConnectProvider",
        this::create,
        resource(
            ResourceForm.NEW_OIDC,
            "Url",
            "the provider does not exist yet: its ARN is built from the Url without its scheme"),
        tagAction("iam:TagOpenIDConnectProvider"));
    registry.register("iam", "GetOpenIDConnectProvider", this::get);
    registry.register("iam", "DeleteOpenIDConnectProvider", this::delete);
    registry.register(
        "iam",
        "ListOpenIDConnectProviders",
        this::list,
        resource(
            ResourceForm.LIST_ALL,
            "oidc-provider",
            "AWS's AccessDenied names arn:aws:iam::ACCOUNT:oidc-provider/*; the reference lists no resource type"));
    registry.register("iam", "AddClientIDToOpenIDConnectProvider", this::addClientId);
    registry.register("iam", "RemoveClientIDFromOpenIDConnectProvider", this::removeClientId);
    registry.register("iam", "UpdateOpenIDConnectProviderThumbprint", this::updateThumbprint);
    Function<OperationCall, Tags> tags = call -> target(call).tags();
    registry.register(
        "iam", "TagOpenIDConnectProvider", TagHandlers.tag(tags, ResourceTags::apply));
    registry.register("iam", "UntagOpenIDConnectProvider", TagHandlers.untag(tags));
    registry.register("iam", "ListOpenIDConnectProviderTags", TagHandlers.list(tags));
  }

  private Map<String, ?> create(OperationCall call) {
    Params p = call.params();
    List<Tags.Tag> tags = TagParams.read(p);
    Tags.checkRequest(tags);
    OpenIdConnectProvider provider =
        OpenIdConnectProviders.of(call.account())
            .create(
                p.string("Url"),
                p.strings("ClientIDList"),
                p.strings("ThumbprintList"),
                call.now());
    ResourceTags.apply(provider.tags(), tags);
    return new Struct()
        .with("OpenIDConnectProviderArn", provider.arn())
        .with("Tags", tags.isEmpty() ? null : TagParams.views(provider.tags()));
  }

  /** AWS sends ClientIDList, ThumbprintList and Tags even when empty; Url has no scheme. */
  private Map<String, ?> get(OperationCall call) {
    OpenIdConnectProvider provider = target(call);
    return new Struct()
        .with("Url", provider.url())
        .with("ClientIDList", provider.clientIds())
        .with("ThumbprintList", provider.thumbprints())
        .with("CreateDate", provider.createDate())
        .with("Tags", TagParams.views(provider.tags()));
  }

  private Map<String, ?> delete(OperationCall call) {
    OpenIdConnectProviders.of(call.account())
        .delete(call.params().string("OpenIDConnectProviderArn"));
    return null;
  }

  private Map<String, ?> list(OperationCall call) {
    return Struct.of(
        "OpenIDConnectProviderList",
        OpenIdConnectProviders.of(call.account()).values().stream()
            .map(provider -> Struct.of("Arn", provider.arn()))
            .toList());
  }

  private Map<String, ?> addClientId(OperationCall call) {
    OpenIdConnectProviders.of(call.account())
        .addClientId(target(call), call.params().string("ClientID"));
    return null;
  }

  private Map<String, ?> removeClientId(OperationCall call) {
    OpenIdConnectProviders.of(call.account())
        .removeClientId(target(call), call.params().string("ClientID"));
    return null;
  }

  private Map<String, ?> updateThumbprint(OperationCall call) {
    OpenIdConnectProviders.of(call.account())
        .updateThumbprints(target(call), call.params().strings("ThumbprintList"));
    return null;
  }

  private static OpenIdConnectProvider target(OperationCall call) {
    return OpenIdConnectProviders.of(call.account())
        .require(call.params().string("OpenIDConnectProviderArn"));
  }
}
