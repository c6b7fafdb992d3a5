package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.resource;
import static io.iamlocal.server.dispatch.OperationSpec.unsignedAllowed;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.authz.RequestContexts;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.OpenIdConnectProvider;
import io.iamlocal.server.state.OpenIdConnectProviders;
import io.iamlocal.server.state.Role;
import io.iamlocal.server.state.SamlProvider;
import io.iamlocal.server.state.SamlProviders;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Tags;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AssumeRoleWithWebIdentity and AssumeRoleWithSAML: role credentials for a user of an identity
 * provider registered in IAM, authenticated by the token itself (the requests need no SigV4; the
 * dispatcher lets them through unsigned). The role's trust policy must allow the provider, with the
 * token's claims as condition keys ({@code PROVIDER:aud}, {@code PROVIDER:sub}, {@code saml:aud},
 * {@code saml:sub}…).
 */
public final class FederationOperations implements Operations {
  static final String WEB_IDENTITY_DENIED =
      "Not authorized to perform sts:AssumeRoleWithWebIdentity";
  static final String SAML_DENIED = "Not authorized to perform sts:AssumeRoleWithSAML";
  static final String EXPIRED =
      "The web identity token that was passed is expired or is not valid. "
          + "Get a new identity token from the identity provider and then retry the request.";
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  @Override
  public void register(OperationRegistry registry) {
    // "Calling AssumeRoleWithSAML does not require the use of AWS security credentials": the token
    // or assertion is the credential.
    registry.register(
        "sts",
        "AssumeRoleWithWebIdentity",
        this::assumeRoleWithWebIdentity,
        unsignedAllowed(),
        resource(
            ResourceForm.UNCHECKED,
            "unsigned: the role's trust policy, checked by the handler, decides"));
    registry.register(
        "sts",
        "AssumeRoleWithSAML",
        this::assumeRoleWithSaml,
        unsignedAllowed(),
        resource(
            ResourceForm.UNCHECKED,
            "unsigned: the role's trust policy, checked by the handler, decides"));
  }

  private Map<String, ?> assumeRoleWithWebIdentity(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    WebIdentityToken token = WebIdentityToken.parse(p.string("WebIdentityToken"));
    OpenIdConnectProvider provider = OpenIdConnectProviders.of(account).byIssuer(token.issuer());
    if (provider == null) {
      throw WebIdentityToken.invalid(
          "No OpenIDConnect provider found in your account for " + token.issuer());
    }
    String audience =
        token.audiences().stream().filter(provider::hasClientId).findFirst().orElse(null);
    if (audience == null) {
      throw WebIdentityToken.invalid("Incorrect token audience");
    }
    if (token.expiration() != null && !call.now().isBefore(token.expiration())) {
      throw new AwsServiceException(AwsErrorCode.EXPIRED_TOKEN_EXCEPTION, EXPIRED);
    }
    Role role = StsRoles.find(account, p.string("RoleArn"));
    if (role == null) {
      throw AwsServiceException.accessDenied(WEB_IDENTITY_DENIED);
    }
    SessionPolicies.Requested policies = SessionPolicies.read(p, call.account());
    SessionTags.Requested tags =
        SessionTags.combine(token.principalTags(), token.transitiveTagKeys(), null);
    String sessionName = p.string("RoleSessionName");
    if (call.enforcement().evaluates()) {
      Map<String, List<String>> keys = RequestContexts.of(call);
      String prefix = provider.url() + ":";
      RequestContexts.put(keys, prefix + "aud", audience);
      RequestContexts.put(keys, prefix + "sub", token.subject());
      if (!token.amr().isEmpty()) {
        keys.put(prefix + "amr", token.amr());
      }
      RequestContexts.put(keys, "aws:FederatedProvider", provider.arn());
      trust(
          provider.arn(),
          account,
          role,
          "sts:AssumeRoleWithWebIdentity",
          keys,
          tags,
          token.sourceIdentity(),
          sessionName,
          WEB_IDENTITY_DENIED);
    }
    int seconds = StsRoles.duration(p, role, false);
    Integer packed =
        policies.any() || !tags.all().isEmpty()
            ? SessionPolicies.packedSize(policies, tags.all())
            : null;
    Session session =
        issue(
            call,
            role,
            sessionName,
            provider.arn(),
            policies,
            tags,
            token.sourceIdentity(),
            seconds);
    return new Struct()
        .with("Credentials", SessionIssuer.credentials(session))
        .with("SubjectFromWebIdentityToken", token.subject())
        .with("AssumedRoleUser", SessionIssuer.assumedRoleUser(session))
        .with("PackedPolicySize", packed)
        .with("Provider", token.issuer())
        .with("Audience", audience)
        .with("SourceIdentity", token.sourceIdentity());
  }

  private Map<String, ?> assumeRoleWithSaml(OperationCall call) {
    Params p = call.params();
    AccountState account = call.account();
    String providerArn = p.string("PrincipalArn");
    SamlProvider provider = SamlProviders.of(account).byArn(providerArn);
    if (provider == null) {
      throw WebIdentityToken.invalid("Specified provider doesn't exist");
    }
    SamlResponse saml;
    try {
      saml = SamlResponse.parse(p.string("SAMLAssertion"));
    } catch (SamlResponse.InvalidSamlException e) {
      throw WebIdentityToken.invalid(e.getMessage());
    }
    if (saml.issuer() == null
        || provider.metadata() == null
        || !saml.issuer().equals(provider.metadata().entityId())) {
      throw WebIdentityToken.invalid("Issuer not present in specified provider");
    }
    if (saml.notOnOrAfter() != null && !call.now().isBefore(saml.notOnOrAfter())) {
      throw new AwsServiceException(AwsErrorCode.EXPIRED_TOKEN_EXCEPTION, EXPIRED);
    }
    String roleArn = p.string("RoleArn");
    if (!rolePairListed(saml, roleArn, providerArn)) {
      throw AwsServiceException.accessDenied(SAML_DENIED);
    }
    String sessionName = saml.attribute("RoleSessionName");
    if (sessionName == null) {
      throw WebIdentityToken.invalid("RoleSessionName is required in AuthnResponse");
    }
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw WebIdentityToken.invalid(
          "RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}");
    }
    Role role = StsRoles.find(account, roleArn);
    if (role == null) {
      throw AwsServiceException.accessDenied(SAML_DENIED);
    }
    SessionPolicies.Requested policies = SessionPolicies.read(p, call.account());
    SessionTags.Requested tags =
        SessionTags.combine(samlTags(saml), saml.attributeValues("TransitiveTagKeys"), null);
    String sourceIdentity = saml.attribute("SourceIdentity");
    String nameQualifier = nameQualifier(saml.issuer(), account.accountId(), provider.name());
    if (call.enforcement().evaluates()) {
      Map<String, List<String>> keys = RequestContexts.of(call);
      RequestContexts.put(keys, "saml:aud", saml.recipient());
      RequestContexts.put(keys, "saml:iss", saml.issuer());
      RequestContexts.put(keys, "saml:sub", saml.subject());
      RequestContexts.put(keys, "saml:sub_type", saml.subjectType());
      RequestContexts.put(keys, "saml:namequalifier", nameQualifier);
      RequestContexts.put(keys, "aws:FederatedProvider", providerArn);
      trust(
          providerArn,
          account,
          role,
          "sts:AssumeRoleWithSAML",
          keys,
          tags,
          sourceIdentity,
          sessionName,
          SAML_DENIED);
    }
    int seconds = samlDuration(p, saml, role, call.now());
    Integer packed =
        policies.any() || !tags.all().isEmpty()
            ? SessionPolicies.packedSize(policies, tags.all())
            : null;
    Session session =
        issue(call, role, sessionName, providerArn, policies, tags, sourceIdentity, seconds);
    return new Struct()
        .with("Credentials", SessionIssuer.credentials(session))
        .with("AssumedRoleUser", SessionIssuer.assumedRoleUser(session))
        .with("PackedPolicySize", packed)
        .with("Subject", saml.subject())
        .with("SubjectType", saml.subjectType())
        .with("Issuer", saml.issuer())
        .with("Audience", saml.recipient())
        .with("NameQualifier", nameQualifier)
        .with("SourceIdentity", sourceIdentity);
  }

  /**
   * The trust policy must allow the provider the action, plus sts:TagSession /
   * sts:SetSourceIdentity when used.
   */
  private static void trust(
      String providerArn,
      AccountState account,
      Role role,
      String action,
      Map<String, List<String>> keys,
      SessionTags.Requested tags,
      String sourceIdentity,
      String sessionName,
      String deniedMessage) {
    RequestContexts.put(keys, "sts:RoleSessionName", sessionName);
    RequestContexts.put(keys, "sts:SourceIdentity", sourceIdentity);
    RequestContexts.requestTags(keys, tags.requested());
    boolean allowed =
        StsRoles.trustAllows(providerArn, account, role, action, keys)
            && (tags.requested().isEmpty()
                || StsRoles.trustAllows(providerArn, account, role, "sts:TagSession", keys))
            && (sourceIdentity == null
                || StsRoles.trustAllows(providerArn, account, role, "sts:SetSourceIdentity", keys));
    if (!allowed) {
      throw AwsServiceException.accessDenied(deniedMessage);
    }
  }

  private static Session issue(
      OperationCall call,
      Role role,
      String sessionName,
      String providerArn,
      SessionPolicies.Requested policies,
      SessionTags.Requested tags,
      String sourceIdentity,
      int seconds) {
    AccountState account = call.account();
    return SessionIssuer.issue(
        account,
        Session.builder(Session.Kind.ASSUMED_ROLE, account.partition(), account.accountId())
            .role(role, sessionName)
            .sessionPolicies(policies.policy(), policies.policyArns())
            .tags(tags.all(), tags.transitive())
            .sourceIdentity(sourceIdentity)
            .federatedProvider(providerArn),
        call.now(),
        seconds);
  }

  /** Each Role attribute value is {@code roleArn,providerArn}, in either order. */
  private static boolean rolePairListed(SamlResponse saml, String roleArn, String providerArn) {
    for (String value : saml.attributeValues("Role")) {
      String[] pair = value.split(",");
      if (pair.length == 2) {
        String a = pair[0].strip();
        String b = pair[1].strip();
        if ((a.equals(roleArn) && b.equals(providerArn))
            || (b.equals(roleArn) && a.equals(providerArn))) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Tags.Tag> samlTags(SamlResponse saml) {
    List<Tags.Tag> tags = new ArrayList<>();
    String prefix = SamlResponse.ATTRIBUTES + "PrincipalTag:";
    saml.attributes()
        .forEach(
            (name, values) -> {
              if (name.startsWith(prefix) && !values.isEmpty()) {
                tags.add(new Tags.Tag(name.substring(prefix.length()), values.get(0)));
              }
            });
    return tags;
  }

  /**
   * DurationSeconds, else the SessionDuration attribute, else one hour; never past the assertion's
   * SessionNotOnOrAfter.
   */
  private static int samlDuration(Params p, SamlResponse saml, Role role, Instant now) {
    int seconds;
    if (p.has("DurationSeconds")) {
      seconds = StsRoles.duration(p, role, false);
    } else {
      String attribute = saml.attribute("SessionDuration");
      int requested;
      try {
        requested = attribute == null ? StsRoles.DEFAULT_DURATION : Integer.parseInt(attribute);
      } catch (NumberFormatException e) {
        requested = StsRoles.DEFAULT_DURATION;
      }
      if (requested > role.maxSessionDuration()) {
        throw AwsServiceException.validation(
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
      }
      seconds = Math.max(900, requested);
    }
    if (saml.sessionNotOnOrAfter() != null) {
      long left = saml.sessionNotOnOrAfter().getEpochSecond() - now.getEpochSecond();
      seconds = (int) Math.max(1, Math.min(seconds, left));
    }
    return seconds;
  }

  /** AWS documents it: BASE64(SHA1(Issuer + AccountId + "/" + provider name)). */
  static String nameQualifier(String issuer, String accountId, String providerName) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((issuer + accountId + "/" + providerName).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
