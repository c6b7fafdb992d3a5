package io.iamlocal.policy.document;

import java.util.List;

/**
 * One statement of a policy, as written. List-valued elements are {@code null} when the element is
 * absent and an empty list for {@code []}; the validator decides which absences are errors for a
 * policy kind.
 */
public record Statement(
    String sid,
    String effect,
    Principal principal,
    Principal notPrincipal,
    List<String> action,
    List<String> notAction,
    List<String> resource,
    List<String> notResource,
    List<ConditionEntry> conditions,
    SourceRange range) {

  public Statement {
    action = copyOrNull(action);
    notAction = copyOrNull(notAction);
    resource = copyOrNull(resource);
    notResource = copyOrNull(notResource);
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  /** The {@code Action} or {@code NotAction} values, whichever is present (null when neither). */
  public List<String> actions() {
    return action != null ? action : notAction;
  }

  /**
   * The {@code Resource} or {@code NotResource} values, whichever is present (null when neither).
   */
  public List<String> resources() {
    return resource != null ? resource : notResource;
  }

  public boolean hasPrincipalElement() {
    return principal != null || notPrincipal != null;
  }

  public boolean hasResourceElement() {
    return resource != null || notResource != null;
  }

  private static List<String> copyOrNull(List<String> values) {
    return values == null ? null : List.copyOf(values);
  }
}
