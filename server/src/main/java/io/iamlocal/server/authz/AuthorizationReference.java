package io.iamlocal.server.authz;

import io.iamlocal.protocol.json.PackedJson;
import io.iamlocal.protocol.json.PlainJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS's Service Authorization Reference for one service (actions with their access level, resource
 * types and condition keys; resource types with their ARN formats), as vendored under {@code
 * reference/} by {@code scripts/refresh-authorization-data.sh}. Loaded on first use only.
 */
public final class AuthorizationReference {
  private static final Map<String, AuthorizationReference> LOADED = new ConcurrentHashMap<>();

  private final Object doc;

  private AuthorizationReference(Object doc) {
    this.doc = doc;
  }

  /** One action's reference entry. */
  public record Action(
      String name,
      String accessLevel,
      List<ResourceType> resourceTypes,
      List<String> conditionKeys) {
    /** The names of the resource types the action can be scoped to, required or not. */
    public List<String> resourceTypeNames() {
      return resourceTypes.stream().map(ResourceType::name).toList();
    }
  }

  /** A resource type an action applies to; {@code required} as the reference marks it. */
  public record ResourceType(String name, boolean required) {}

  /** The reference of {@code service} ({@code iam}, {@code sts} or {@code s3}). */
  public static AuthorizationReference of(String service) {
    return LOADED.computeIfAbsent(service, AuthorizationReference::load);
  }

  /** The action named {@code name} (AWS's case), if the reference lists it. */
  public Optional<Action> action(String name) {
    Object a = PlainJson.object(doc, "actions").get(name);
    if (a == null) {
      return Optional.empty();
    }
    List<ResourceType> types = new ArrayList<>();
    PlainJson.array(a, "resourceTypes")
        .forEach(
            t ->
                types.add(
                    new ResourceType(
                        PlainJson.text(t, "name", ""),
                        Boolean.parseBoolean(PlainJson.text(t, "required", "false")))));
    List<String> keys = new ArrayList<>();
    PlainJson.array(a, "conditionKeys").forEach(k -> keys.add(String.valueOf(k)));
    return Optional.of(
        new Action(
            name, PlainJson.text(a, "accessLevel", ""), List.copyOf(types), List.copyOf(keys)));
  }

  /**
   * The ARN format of a resource type ({@code arn:${Partition}:iam::${Account}:user/…}), if listed.
   */
  public Optional<String> arnFormat(String resourceType) {
    Object arn = PlainJson.object(doc, "resourceTypes").get(resourceType);
    return arn == null ? Optional.empty() : Optional.of(String.valueOf(arn));
  }

  private static AuthorizationReference load(String service) {
    Object doc =
        PackedJson.resource(AuthorizationReference.class, "reference/" + service + ".json");
    if (doc == null) {
      throw new IllegalArgumentException("no authorization reference for service " + service);
    }
    return new AuthorizationReference(doc);
  }
}
