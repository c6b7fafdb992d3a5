package io.iamlocal.server.state;

import io.iamlocal.protocol.error.AwsServiceException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The OpenID Connect providers of an account, one per issuer URL, with
 * CreateOpenIDConnectProvider's rules and the lookups AssumeRoleWithWebIdentity needs ({@link
 * #byIssuer}, {@link #byArn}). Texts marked "recorded" were captured from AWS responses.
 */
public final class OpenIdConnectProviders {
  /** "OIDC identity providers in an AWS account: 100" (IAM quotas page). */
  public static final int PROVIDERS_PER_ACCOUNT = 100;

  public static final int CLIENT_IDS_PER_PROVIDER = 100;
  public static final int THUMBPRINTS_PER_PROVIDER = 5;

  /**
   * {@code arn:PARTITION:iam::ACCOUNT:oidc-provider/}: every provider ARN of the account starts so.
   */
  private final String arnPrefix;

  /** By issuer key: host in lower case, then the path as given. */
  private final NavigableMap<String, OpenIdConnectProvider> byKey = new TreeMap<>();

  private OpenIdConnectProviders(AccountState account) {
    this.arnPrefix = Arns.iamPrefix(account.partition(), account.accountId()) + "oidc-provider/";
  }

  public static OpenIdConnectProviders of(AccountState account) {
    return account.extension(OpenIdConnectProviders.class, OpenIdConnectProviders::new);
  }

  public Collection<OpenIdConnectProvider> values() {
    return byKey.values();
  }

  public OpenIdConnectProvider create(
      String url, List<String> clientIds, List<String> thumbprints, Instant now) {
    String resource = resource(url);
    checkThumbprints(thumbprints);
    LinkedHashSet<String> distinctClientIds = new LinkedHashSet<>(clientIds);
    if (distinctClientIds.size() > CLIENT_IDS_PER_PROVIDER) {
      throw tooManyClientIds();
    }
    String key = key(resource);
    if (byKey.containsKey(key)) {
      throw AwsServiceException.alreadyExists(
          "Provider with url " + url + " already exists."); // recorded
    }
    if (byKey.size() >= PROVIDERS_PER_ACCOUNT) {
      throw AwsServiceException.limitExceeded(
          "Cannot exceed quota for OpenIdConnectProvidersPerAccount: " + PROVIDERS_PER_ACCOUNT);
    }
    OpenIdConnectProvider provider =
        new OpenIdConnectProvider(
            arnPrefix + resource, resource, List.copyOf(distinctClientIds), thumbprints, now);
    byKey.put(key, provider);
    return provider;
  }

  /**
   * {@code host/path} of an {@code https://} URL without port, query or fragment (the API
   * reference: "path components are allowed but query parameters are not", "should not contain a
   * port number"); a trailing slash is dropped. Anything else is AWS's recorded ValidationError.
   */
  private static String resource(String url) {
    AwsServiceException invalid =
        AwsServiceException.validation("Invalid Open ID Connect Provider URL"); // recorded
    if (url == null || !url.startsWith("https://")) {
      throw invalid;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid;
    }
    if (uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null
        || uri.getPort() != -1) {
      throw invalid;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return uri.getHost() + path;
  }

  private static String key(String resource) {
    int slash = resource.indexOf('/');
    return slash < 0
        ? resource.toLowerCase(Locale.ROOT)
        : resource.substring(0, slash).toLowerCase(Locale.ROOT) + resource.substring(slash);
  }

  /** At most five thumbprints, each the 40 hex digits of a SHA-1 certificate fingerprint. */
  public static void checkThumbprints(List<String> thumbprints) {
    if (thumbprints.size() > THUMBPRINTS_PER_PROVIDER) {
      throw AwsServiceException.invalidInput(
          "Thumbprint list must contain fewer than 5 entries."); // recorded
    }
    for (String thumbprint : thumbprints) {
      if (!thumbprint.matches("[0-9A-Fa-f]{40}")) {
        throw AwsServiceException.invalidInput(
            "Thumbprint " + thumbprint + " is not a valid SHA-1 hex fingerprint.");
      }
    }
  }

  private static AwsServiceException tooManyClientIds() {
    return AwsServiceException.limitExceeded(
        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: "
            + CLIENT_IDS_PER_PROVIDER); // recorded
  }

  /** AddClientIDToOpenIDConnectProvider: idempotent, as documented. */
  public void addClientId(OpenIdConnectProvider provider, String clientId) {
    if (!provider.hasClientId(clientId) && provider.clientIdCount() >= CLIENT_IDS_PER_PROVIDER) {
      throw tooManyClientIds();
    }
    provider.addClientId(clientId);
  }

  /**
   * RemoveClientIDFromOpenIDConnectProvider: removing an absent client ID is not an error
   * (documented).
   */
  public void removeClientId(OpenIdConnectProvider provider, String clientId) {
    provider.removeClientId(clientId);
  }

  public void updateThumbprints(OpenIdConnectProvider provider, List<String> thumbprints) {
    checkThumbprints(thumbprints);
    provider.setThumbprints(thumbprints);
  }

  /**
   * The provider for a token's {@code iss} claim ({@code https://host/path}, with or without a
   * trailing slash), or null: the lookup for AssumeRoleWithWebIdentity.
   */
  public OpenIdConnectProvider byIssuer(String issuer) {
    if (issuer == null) {
      return null;
    }
    String resource =
        issuer.startsWith("https://") ? issuer.substring("https://".length()) : issuer;
    while (resource.endsWith("/")) {
      resource = resource.substring(0, resource.length() - 1);
    }
    return byKey.get(key(resource));
  }

  /** The provider with this ARN in this account, or null. */
  public OpenIdConnectProvider byArn(String arn) {
    if (arn == null || !arn.startsWith(arnPrefix)) {
      return null;
    }
    return byKey.get(key(arn.substring(arnPrefix.length())));
  }

  /**
   * The provider with this ARN; unknown is NoSuchEntity with the text AWS sends from Get and the
   * updates.
   */
  public OpenIdConnectProvider require(String arn) {
    OpenIdConnectProvider provider = byArn(arn);
    if (provider == null) {
      throw AwsServiceException.noSuchEntity(
          "OpenIDConnect Provider not found for arn " + arn); // recorded
    }
    return provider;
  }

  /** DeleteOpenIDConnectProvider fails for an unknown provider, with its own recorded text. */
  public void delete(String arn) {
    OpenIdConnectProvider provider = byArn(arn);
    if (provider == null) {
      throw AwsServiceException.noSuchEntity(
          "OpenId connect Provider " + arn + " cannot be found."); // recorded
    }
    byKey.remove(key(provider.url()));
  }
}
