package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An OpenID Connect identity provider registered in IAM: its issuer URL, the audiences (client IDs)
 * it may issue tokens for, and the certificate thumbprints. AssumeRoleWithWebIdentity finds it by
 * issuer ({@link OpenIdConnectProviders#byIssuer}) and checks {@link #clientIds()}.
 */
public final class OpenIdConnectProvider {
  private final String arn;
  private final String url;
  private final Instant createDate;
  private final Tags tags = new Tags();
  private final LinkedHashSet<String> clientIds = new LinkedHashSet<>();
  private List<String> thumbprints;

  OpenIdConnectProvider(
      String arn,
      String url,
      List<String> clientIds,
      List<String> thumbprints,
      Instant createDate) {
    this.arn = arn;
    this.url = url;
    this.clientIds.addAll(clientIds);
    this.thumbprints = List.copyOf(thumbprints);
    this.createDate = createDate;
  }

  /** {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH}. */
  public String arn() {
    return arn;
  }

  /**
   * The issuer without its scheme ({@code server.example.com/path}), as GetOpenIDConnectProvider
   * shows it.
   */
  public String url() {
    return url;
  }

  /** The issuer as tokens carry it in {@code iss}: {@code https://} and {@link #url()}. */
  public String issuer() {
    return "https://" + url;
  }

  public Instant createDate() {
    return createDate;
  }

  /** The client IDs (token audiences), in the order added. */
  public List<String> clientIds() {
    return new ArrayList<>(clientIds);
  }

  public boolean hasClientId(String clientId) {
    return clientIds.contains(clientId);
  }

  boolean addClientId(String clientId) {
    return clientIds.add(clientId);
  }

  void removeClientId(String clientId) {
    clientIds.remove(clientId);
  }

  int clientIdCount() {
    return clientIds.size();
  }

  public List<String> thumbprints() {
    return thumbprints;
  }

  void setThumbprints(List<String> thumbprints) {
    this.thumbprints = List.copyOf(thumbprints);
  }

  public Tags tags() {
    return tags;
  }
}
