package io.iamlocal.it;

import static io.iamlocal.it.IamErrors.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

class OpenIdConnectProvidersIT extends WireTest {
  private static final String A40 = "a".repeat(40);
  private static final String B40 = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";

  @Test
  void createAndGetWithClientIdsAndThumbprints() {
    CreateOpenIdConnectProviderResponse created =
        iam.createOpenIDConnectProvider(
            r ->
                r.url("https://token.actions.githubusercontent.com")
                    .clientIDList("sts.amazonaws.com")
                    .thumbprintList(B40));
    String arn = created.openIDConnectProviderArn();
    assertThat(arn)
        .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
    GetOpenIdConnectProviderResponse got =
        iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThat(got.url()).isEqualTo("token.actions.githubusercontent.com");
    assertThat(got.clientIDList()).containsExactly("sts.amazonaws.com");
    assertThat(got.thumbprintList()).containsExactly(B40);
    assertThat(got.createDate()).isNotNull();
    assertThat(got.hasTags()).isTrue();
    assertThat(got.tags()).isEmpty();
  }

  @Test
  void urlPathsAreKeptInTheArnAndThumbprintsAreOptional() {
    String arn =
        iam.createOpenIDConnectProvider(r -> r.url("https://auth.example.com/realms/main/"))
            .openIDConnectProviderArn();
    assertThat(arn)
        .isEqualTo("arn:aws:iam::123456789012:oidc-provider/auth.example.com/realms/main");
    GetOpenIdConnectProviderResponse got =
        iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThat(got.url()).isEqualTo("auth.example.com/realms/main");
    assertThat(got.hasClientIDList()).isTrue();
    assertThat(got.clientIDList()).isEmpty();
    assertThat(got.thumbprintList()).isEmpty();
  }

  @Test
  void invalidUrlsDuplicatesAndLimits() {
    expect(
        () -> iam.createOpenIDConnectProvider(r -> r.url("example.org").thumbprintList(A40)),
        "ValidationError",
        400,
        "Invalid Open ID Connect Provider URL");
    expect(
        () -> iam.createOpenIDConnectProvider(r -> r.url("http://example.org")),
        "ValidationError",
        400,
        "Invalid Open ID Connect Provider URL");
    expect(
        () -> iam.createOpenIDConnectProvider(r -> r.url("https://example.org/?q=1")),
        "ValidationError",
        400,
        "Invalid Open ID Connect Provider URL");
    iam.createOpenIDConnectProvider(r -> r.url("https://oidc.example.com").thumbprintList(A40));
    expect(
        () ->
            iam.createOpenIDConnectProvider(
                r -> r.url("https://oidc.example.com").thumbprintList(A40)),
        "EntityAlreadyExists",
        409,
        "Provider with url https://oidc.example.com already exists.");
    List<String> six =
        List.of("a", "b", "c", "d", "e", "f").stream().map(c -> c.repeat(40)).toList();
    expect(
        () ->
            iam.createOpenIDConnectProvider(
                r -> r.url("https://six.example.com").thumbprintList(six)),
        "InvalidInput",
        400,
        "Thumbprint list must contain fewer than 5 entries.");
    List<String> tooManyClients = IntStream.range(0, 101).mapToObj(Integer::toString).toList();
    expect(
        () ->
            iam.createOpenIDConnectProvider(
                r -> r.url("https://clients.example.com").clientIDList(tooManyClients)),
        "LimitExceeded",
        409,
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
  }

  @Test
  void modelConstraintsGiveTheCoralValidationMessage() {
    expect(
        () ->
            iam.createOpenIDConnectProvider(
                r -> r.url("https://x.example.com").thumbprintList("b".repeat(41))),
        "ValidationError",
        400,
        "1 validation error detected: Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: "
            + "[Member must have length less than or equal to 40, Member must have length greater than or equal to 40]");
  }

  @Test
  void clientIdsAreAddedIdempotentlyAndRemoved() {
    String arn =
        iam.createOpenIDConnectProvider(r -> r.url("https://ids.example.com").clientIDList("one"))
            .openIDConnectProviderArn();
    iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("two"));
    iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("two"));
    assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
        .containsExactly("one", "two");
    iam.removeClientIDFromOpenIDConnectProvider(
        r -> r.openIDConnectProviderArn(arn).clientID("one"));
    iam.removeClientIDFromOpenIDConnectProvider(
        r -> r.openIDConnectProviderArn(arn).clientID("never-added"));
    assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).clientIDList())
        .containsExactly("two");
  }

  @Test
  void thumbprintsAreReplaced() {
    String arn =
        iam.createOpenIDConnectProvider(
                r -> r.url("https://thumbs.example.com").thumbprintList(A40))
            .openIDConnectProviderArn();
    iam.updateOpenIDConnectProviderThumbprint(
        r -> r.openIDConnectProviderArn(arn).thumbprintList("c".repeat(40), "d".repeat(40)));
    assertThat(iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)).thumbprintList())
        .containsExactly("c".repeat(40), "d".repeat(40));
    expect(
        () ->
            iam.updateOpenIDConnectProviderThumbprint(
                r -> r.openIDConnectProviderArn(arn).thumbprintList("z".repeat(40))),
        "InvalidInput",
        400,
        "Thumbprint " + "z".repeat(40) + " is not a valid SHA-1 hex fingerprint.");
  }

  @Test
  void unknownProvidersAndDeletion() {
    String missing = "arn:aws:iam::123456789012:oidc-provider/non-existent.example.com";
    expect(
        () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(missing)),
        "NoSuchEntity",
        404,
        "OpenIDConnect Provider not found for arn " + missing);
    String arn =
        iam.createOpenIDConnectProvider(r -> r.url("https://gone.example.com"))
            .openIDConnectProviderArn();
    iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    expect(
        () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)),
        "NoSuchEntity",
        404,
        "OpenIDConnect Provider not found for arn " + arn);
    expect(
        () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)),
        "NoSuchEntity",
        404,
        "OpenId connect Provider " + arn + " cannot be found.");
    expect(
        () ->
            iam.addClientIDToOpenIDConnectProvider(
                r -> r.openIDConnectProviderArn(arn).clientID("x")),
        "NoSuchEntity",
        404,
        "OpenIDConnect Provider not found for arn " + arn);
  }

  @Test
  void listAndTags() {
    for (int i = 2; i >= 0; i--) {
      int n = i;
      iam.createOpenIDConnectProvider(
          r ->
              r.url("https://list-" + n + ".example.com")
                  .tags(Tag.builder().key("n").value("" + n).build()));
    }
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
        .extracting(OpenIDConnectProviderListEntry::arn)
        .containsExactly(
            "arn:aws:iam::123456789012:oidc-provider/list-0.example.com",
            "arn:aws:iam::123456789012:oidc-provider/list-1.example.com",
            "arn:aws:iam::123456789012:oidc-provider/list-2.example.com");
    String arn = "arn:aws:iam::123456789012:oidc-provider/list-0.example.com";
    iam.tagOpenIDConnectProvider(
        r -> r.openIDConnectProviderArn(arn).tags(Tag.builder().key("k2").value("v2").build()));
    iam.untagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tagKeys("n"));
    assertThat(iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn)).tags())
        .containsExactly(Tag.builder().key("k2").value("v2").build());
    List<Tag> tags =
        IntStream.range(0, 49)
            .mapToObj(i -> Tag.builder().key(String.format("k%02d", i)).value("v").build())
            .toList();
    iam.tagOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).tags(tags));
    var page = iam.listOpenIDConnectProviderTags(r -> r.openIDConnectProviderArn(arn).maxItems(20));
    assertThat(page.isTruncated()).isTrue();
    assertThat(
            iam.listOpenIDConnectProviderTagsPaginator(
                    r -> r.openIDConnectProviderArn(arn).maxItems(20))
                .tags())
        .hasSize(50);
    expect(
        () ->
            iam.tagOpenIDConnectProvider(
                r ->
                    r.openIDConnectProviderArn(arn)
                        .tags(Tag.builder().key("string").value("string").build())),
        "LimitExceeded",
        409,
        "The number of tags has reached the maximum limit.");
  }
}
