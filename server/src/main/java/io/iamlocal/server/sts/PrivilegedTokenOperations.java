package io.iamlocal.server.sts;

import static io.iamlocal.server.dispatch.OperationSpec.conditionKeys;
import static io.iamlocal.server.dispatch.OperationSpec.lock;
import static io.iamlocal.server.dispatch.OperationSpec.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
import io.iamlocal.server.dispatch.Operations;
import io.iamlocal.server.dispatch.ResourceForm;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.iam.TagParams;
import io.iamlocal.server.state.AccountSettings;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.Session;
import io.iamlocal.server.state.Tags;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The STS operations a standalone account mostly cannot use, answered as AWS answers them there:
 * AssumeRoot (needs an AWS Organizations management or delegated administrator account with
 * centralized root access), GetDelegatedAccessToken (trade-in tokens come from a cross-account
 * delegation flow IAMLocal's single account never completes), and GetWebIdentityToken, which works
 * once outbound web identity federation is enabled (IAM EnableOutboundWebIdentityFederation).
 */
public final class PrivilegedTokenOperations implements Operations {
  static final int DEFAULT_TOKEN_SECONDS = 300;

  /** Made at the first token, not when the operation catalog registers this class at start-up. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  @Override
  public void register(OperationRegistry registry) {
    registry.register(
        "sts",
        "AssumeRoot",
        this::assumeRoot,
        resource(
            ResourceForm.ROOT,
            "TargetPrincipal",
            "the target account's root user is named by account ID or principal ARN"));
    registry.register(
        "sts",
        "GetDelegatedAccessToken",
        this::getDelegatedAccessToken,
        lock(
            LockMode.READ,
            "AWS calls it Write; no trade-in token is ever valid here, so it changes nothing"));
    registry.register(
        "sts",
        "GetWebIdentityToken",
        this::getWebIdentityToken,
        lock(
            LockMode.READ,
            "AWS calls it Write; it signs a token from the account's keys and stores nothing"),
        conditionKeys("sts:IdentityTokenAudience", "sts:DurationSeconds", "sts:SigningAlgorithm"));
  }

  /**
   * Not in an organization: nobody may assume a member account's root here (root itself never may).
   */
  private Map<String, ?> assumeRoot(OperationCall call) {
    String target = call.params().string("TargetPrincipal");
    String[] parts = target.split(":", 6);
    String targetAccount = parts.length == 6 ? parts[4] : target;
    throw AwsServiceException.accessDenied(
        "User: "
            + call.caller().arn()
            + " is not authorized to perform: sts:AssumeRoot on resource: "
            + Arns.root(call.account().partition(), targetAccount));
  }

  private Map<String, ?> getDelegatedAccessToken(OperationCall call) {
    throw new AwsServiceException(
        AwsErrorCode.EXPIRED_TRADE_IN_TOKEN,
        "The trade-in token provided in the request has expired or is not valid.");
  }

  private Map<String, ?> getWebIdentityToken(OperationCall call) {
    Params p = call.params();
    String issuer = AccountSettings.of(call.account()).outboundIssuerIdentifier();
    if (issuer == null) {
      throw new AwsServiceException(
          AwsErrorCode.OUTBOUND_WEB_IDENTITY_FEDERATION_DISABLED,
          "Outbound web identity federation is disabled for this account.");
    }
    String algorithm = p.string("SigningAlgorithm");
    if (!algorithm.equals("RS256") && !algorithm.equals("ES384")) {
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + algorithm
              + "' at 'signingAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [RS256, ES384]");
    }
    int seconds = p.integer("DurationSeconds", DEFAULT_TOKEN_SECONDS);
    Instant now = call.now().truncatedTo(ChronoUnit.SECONDS);
    Instant expiration = now.plusSeconds(seconds);
    Caller caller = call.caller();
    Session session = caller.session();
    if (session != null && expiration.isAfter(session.expiration())) {
      throw new AwsServiceException(
          AwsErrorCode.SESSION_DURATION_ESCALATION,
          "The requested token duration would extend the session beyond its expiration time.");
    }
    List<String> audiences = p.strings("Audience");
    ObjectNode claims = Json.MAPPER.createObjectNode();
    claims.put("iss", issuer);
    claims.put(
        "sub", session != null && session.roleArn() != null ? session.roleArn() : caller.arn());
    if (audiences.size() == 1) {
      claims.put("aud", audiences.get(0));
    } else {
      audiences.forEach(claims.putArray("aud")::add);
    }
    claims.put("iat", now.getEpochSecond());
    claims.put("nbf", now.getEpochSecond());
    claims.put("exp", expiration.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    ObjectNode aws = claims.putObject("https://sts.amazonaws.com/");
    aws.put("aws_account", call.account().accountId());
    aws.put("source_region", call.region());
    aws.put("principal_id", caller.arn());
    List<Tags.Tag> tags = p.has("Tags") ? TagParams.read(p) : List.of();
    if (!tags.isEmpty()) {
      ObjectNode requestTags = aws.putObject("request_tags");
      tags.forEach(t -> requestTags.put(t.key(), t.value()));
    }
    String token = sign(claims, algorithm, OutboundTokenKeys.of(call.account()));
    return new Struct().with("WebIdentityToken", token).with("Expiration", expiration);
  }

  static String sign(ObjectNode claims, String algorithm, OutboundTokenKeys keys) {
    ObjectNode header =
        Json.MAPPER
            .createObjectNode()
            .put("alg", algorithm)
            .put("typ", "JWT")
            .put("kid", keys.keyId(algorithm));
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput =
        b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      boolean rsa = algorithm.equals("RS256");
      PrivateKey key = rsa ? keys.rsa().getPrivate() : keys.ec().getPrivate();
      Signature signer = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA384withECDSA");
      signer.initSign(key);
      signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      byte[] signature = signer.sign();
      return signingInput + "." + b64.encodeToString(rsa ? signature : derToJose(signature, 48));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JWS wants ECDSA signatures as R || S, each {@code size} bytes, not DER. */
  static byte[] derToJose(byte[] der, int size) {
    int offset = 2;
    if ((der[1] & 0x80) != 0) {
      offset += der[1] & 0x7f;
    }
    byte[] out = new byte[size * 2];
    for (int i = 0; i < 2; i++) {
      int length = der[offset + 1];
      int start = offset + 2;
      byte[] integer = Arrays.copyOfRange(der, start, start + length);
      int skip = 0;
      while (integer.length - skip > size && integer[skip] == 0) {
        skip++;
      }
      int copy = integer.length - skip;
      System.arraycopy(integer, skip, out, i * size + (size - copy), copy);
      offset = start + length;
    }
    return out;
  }
}
