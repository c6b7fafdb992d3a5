package io.iamlocal.server.authz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.policy.evaluation.Decision;
import io.iamlocal.policy.evaluation.EvaluationResult;
import io.iamlocal.policy.evaluation.MatchedStatement;
import io.iamlocal.policy.evaluation.RequestContext;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encoded authorization failure messages, as STS DecodeAuthorizationMessage decodes them. AWS only
 * puts an encoded message in the errors of some services (EC2 and others), never in IAM's or STS's
 * own {@code AccessDenied} texts, so IAMLocal keeps those texts exact and instead records an
 * encoded message for each denial it makes, by request ID: {@code GET
 * /_iamlocal/authorization-messages} lists the recent ones. The message is the JSON AWS documents
 * (allowed, explicitDeny, matchedStatements, failures, context with principal, action, resource and
 * conditions), encrypted with a key of this account state, so only this server can decode it, as
 * with AWS.
 */
public final class AuthorizationMessages {
  private static final int RECENT = 100;
  private static final int IV_BYTES = 12;
  private static final int TAG_BYTES = 16;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();
  private final Deque<Map.Entry<String, String>> recent = new ArrayDeque<>();

  private AuthorizationMessages() {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    this.key = new SecretKeySpec(raw, "AES");
  }

  public static AuthorizationMessages of(AccountState account) {
    return account.extension(AuthorizationMessages.class, a -> new AuthorizationMessages());
  }

  /** Encodes a denial and remembers it under the request ID; returns the encoded message. */
  public String recordDenial(
      String requestId, Caller caller, RequestContext request, EvaluationResult result) {
    return recordDenial(requestId, caller, request, result, null);
  }

  /**
   * As {@link #recordDenial(String, Caller, RequestContext, EvaluationResult)}, with IAMLocal's
   * explanation (null: none) added to the decoded message as {@code "explanation"}, and the Sids of
   * the denying statements as the matched statements' {@code statementId}.
   */
  public String recordDenial(
      String requestId,
      Caller caller,
      RequestContext request,
      EvaluationResult result,
      DenialExplanation explanation) {
    String encoded = encode(decodedJson(caller, request, result, explanation));
    synchronized (recent) {
      recent.addLast(Map.entry(requestId, encoded));
      while (recent.size() > RECENT) {
        recent.removeFirst();
      }
    }
    return encoded;
  }

  /** The recent denials, oldest first, as {@code [{"requestId":…,"encodedMessage":…}]}. */
  public String recentJson() {
    ArrayNode out = JSON.createArrayNode();
    synchronized (recent) {
      for (Map.Entry<String, String> e : recent) {
        out.addObject().put("requestId", e.getKey()).put("encodedMessage", e.getValue());
      }
    }
    return out.toString();
  }

  /** The decoded JSON, or null when the message was not encoded here (or was altered). */
  public String decode(String encoded) {
    try {
      byte[] all = Base64.getUrlDecoder().decode(encoded.strip());
      if (all.length < IV_BYTES + TAG_BYTES) {
        return null;
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, all, 0, IV_BYTES));
      return new String(
          cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException
        | GeneralSecurityException
        | java.security.ProviderException e) {
      return null;
    }
  }

  String encode(String plain) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The document DecodeAuthorizationMessage returns, in AWS's shape. */
  static String decodedJson(Caller caller, RequestContext request, EvaluationResult result) {
    return decodedJson(caller, request, result, null);
  }

  static String decodedJson(
      Caller caller,
      RequestContext request,
      EvaluationResult result,
      DenialExplanation explanation) {
    ObjectNode root = JSON.createObjectNode();
    root.put("allowed", result.decision() == Decision.ALLOWED);
    root.put("explicitDeny", result.decision() == Decision.EXPLICIT_DENY);
    ArrayNode matched = root.putObject("matchedStatements").putArray("items");
    List<MatchedStatement> statements = result.matchedStatements();
    for (int i = 0; i < statements.size(); i++) {
      MatchedStatement s = statements.get(i);
      ObjectNode item = matched.addObject();
      String sid =
          explanation != null && i < explanation.deniedBy().size()
              ? explanation.deniedBy().get(i).sid()
              : null;
      item.put("statementId", sid == null ? "" : sid);
      item.put("effect", result.decision() == Decision.EXPLICIT_DENY ? "DENY" : "ALLOW");
      item.put("sourcePolicyId", s.sourcePolicyId());
      item.put("sourcePolicyType", s.sourcePolicyType().awsName());
    }
    root.putObject("failures").putArray("items");
    ObjectNode context = root.putObject("context");
    ObjectNode principal = context.putObject("principal");
    principal.put("id", caller.userId());
    if (caller.user() != null) {
      principal.put("name", caller.user().userName());
    }
    principal.put("arn", caller.arn());
    context.put("action", request.action());
    context.put("resource", request.resource());
    ArrayNode conditions = context.putObject("conditions").putArray("items");
    for (Map.Entry<String, List<String>> e : request.contextKeys().entrySet()) {
      ObjectNode item = conditions.addObject();
      item.put("key", e.getKey());
      ArrayNode values = item.putObject("values").putArray("items");
      e.getValue().forEach(v -> values.addObject().put("value", v));
    }
    if (explanation != null) {
      root.set("explanation", explanation.toJson());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
