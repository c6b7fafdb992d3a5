package io.iamlocal.server.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.policy.document.JsonLimits;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The claims of an OpenID Connect ID token (a JWT) that AssumeRoleWithWebIdentity reads: iss, aud,
 * sub, exp, amr, and AWS's session claims ({@code https://aws.amazon.com/tags} with principal_tags
 * and transitive_tag_keys, {@code https://aws.amazon.com/source_identity}).
 *
 * <p>The signature is not verified: IAMLocal cannot fetch the provider's keys (no network, and test
 * identity providers rarely publish any), so any well-formed token from a registered issuer is
 * accepted. Everything else AWS checks is checked.
 */
record WebIdentityToken(
    String issuer,
    List<String> audiences,
    String subject,
    Instant expiration,
    List<String> amr,
    List<Tags.Tag> principalTags,
    List<String> transitiveTagKeys,
    String sourceIdentity) {
  static final String NOT_A_JWT =
      "The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)";
  private static final ObjectMapper JSON = new ObjectMapper(JsonLimits.factory());
  private static final String AWS_TAGS = "https://aws.amazon.com/tags";
  private static final String AWS_SOURCE_IDENTITY = "https://aws.amazon.com/source_identity";

  static WebIdentityToken parse(String token) {
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw invalid(NOT_A_JWT);
    }
    JsonNode claims;
    try {
      JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      claims =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw invalid(NOT_A_JWT);
    }
    if (claims == null || !claims.isObject()) {
      throw invalid(NOT_A_JWT);
    }
    String issuer = text(claims.get("iss"));
    List<String> audiences = strings(claims.get("aud"));
    Instant expiration =
        claims.hasNonNull("exp") && claims.get("exp").isNumber()
            ? Instant.ofEpochSecond(claims.get("exp").asLong())
            : null;
    List<Tags.Tag> tags = new ArrayList<>();
    List<String> transitive = new ArrayList<>();
    JsonNode session = claims.get(AWS_TAGS);
    if (session != null && session.isObject()) {
      JsonNode principalTags = session.get("principal_tags");
      if (principalTags != null && principalTags.isObject()) {
        Iterator<Map.Entry<String, JsonNode>> fields = principalTags.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> e = fields.next();
          List<String> values = strings(e.getValue());
          tags.add(new Tags.Tag(e.getKey(), values.isEmpty() ? "" : values.get(0)));
        }
      }
      transitive.addAll(strings(session.get("transitive_tag_keys")));
    }
    return new WebIdentityToken(
        issuer,
        audiences,
        text(claims.get("sub")),
        expiration,
        strings(claims.get("amr")),
        tags,
        transitive,
        text(claims.get(AWS_SOURCE_IDENTITY)));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static List<String> strings(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }

  static AwsServiceException invalid(String message) {
    return new AwsServiceException(AwsErrorCode.INVALID_IDENTITY_TOKEN, message);
  }
}
