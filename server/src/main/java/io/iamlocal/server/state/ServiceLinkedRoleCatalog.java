package io.iamlocal.server.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What AWS answered to CreateServiceLinkedRole for the services recorded in the vendored {@code
 * service-linked-roles.json}: the role's name, path and trust policy, the AWS managed policies AWS
 * attaches, and whether a CustomSuffix is allowed (with AWS's refusal text). Read once per JVM on
 * first use; services not in it are named by {@code ServiceLinkedRoleNames}.
 */
public final class ServiceLinkedRoleCatalog {
  static final String RESOURCE =
      "/io/iamlocal/server/service-linked-roles/service-linked-roles.json";
  private static final List<String> STATEMENT_ORDER =
      List.of("Sid", "Effect", "Principal", "Action", "Resource", "Condition");

  private final Map<String, Entry> byService;

  private ServiceLinkedRoleCatalog(Map<String, Entry> byService) {
    this.byService = Collections.unmodifiableMap(byService);
  }

  /** One recorded service: its trust policy as compact JSON, attached policies by ARN. */
  public record Entry(
      String roleName,
      String path,
      String trustPolicy,
      List<String> attachedPolicyArns,
      boolean customSuffixAllowed,
      String customSuffixRefusal) {}

  public static ServiceLinkedRoleCatalog get() {
    return Holder.INSTANCE;
  }

  /** Lazy-holder idiom: the JVM reads the resource once, thread-safely, on first access. */
  private static final class Holder {
    static final ServiceLinkedRoleCatalog INSTANCE = load();
  }

  /** The recorded answer for a service principal, or null when AWS's answer was not recorded. */
  public Entry find(String servicePrincipal) {
    return byService.get(servicePrincipal);
  }

  public int size() {
    return byService.size();
  }

  private static ServiceLinkedRoleCatalog load() {
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = ServiceLinkedRoleCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, Entry> byService = new HashMap<>();
      json.readTree(in)
          .path("services")
          .fields()
          .forEachRemaining(e -> byService.put(e.getKey(), entry(json, e.getValue())));
      return new ServiceLinkedRoleCatalog(byService);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode inPolicyOrder(ObjectMapper json, JsonNode statement) {
    ObjectNode ordered = json.createObjectNode();
    for (String key : STATEMENT_ORDER) {
      if (statement.has(key)) {
        ordered.set(key, statement.get(key));
      }
    }
    statement.fields().forEachRemaining(e -> ordered.set(e.getKey(), e.getValue()));
    return ordered;
  }

  private static Entry entry(ObjectMapper json, JsonNode node) {
    List<String> attached = new ArrayList<>();
    node.path("attachedPolicies").forEach(arn -> attached.add(arn.asText()));
    JsonNode trust = node.path("assumeRolePolicyDocument");
    // The recording sorted the keys; write them in the order policies are written (Version, then
    // Statement; Effect, Principal, Action...), as IAMLocal writes every other service-linked trust
    // policy.
    ObjectNode document = json.createObjectNode();
    document.set("Version", trust.path("Version"));
    ArrayNode statements = document.putArray("Statement");
    trust.path("Statement").forEach(statement -> statements.add(inPolicyOrder(json, statement)));
    return new Entry(
        node.path("roleName").asText(),
        node.path("path").asText(),
        document.toString(),
        List.copyOf(attached),
        node.path("customSuffixAllowed").asBoolean(false),
        node.path("customSuffixError").path("message").asText(null));
  }
}
