package io.iamlocal.policy.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is being asked: the action, the resource, who asks, and the request context keys.
 *
 * <p>Context key names are case-insensitive, as in AWS ("{@code aws:CurrentTime} is equivalent to
 * {@code AWS:currenttime}"): the map is kept as {@link LazyContextKeys}, merging keys that differ
 * only by case; a {@link LazyContextKeys#deferred deferred} one is only built when a condition or
 * policy variable looks a key up. A key with no values is treated as absent.
 *
 * @param action the action, e.g. {@code iam:CreateUser} (matched without regard to case)
 * @param resource the resource ARN, or {@code "*"} when the action has none (null becomes {@code
 *     "*"})
 * @param principalArn the caller, e.g. {@code arn:aws:iam::123456789012:user/alice}, an
 *     assumed-role session ARN, a service principal such as {@code ec2.amazonaws.com}, or null for
 *     an anonymous caller
 * @param principalAccount the caller's account; derived from {@code principalArn} when null
 * @param contextKeys request context keys and their values
 */
public record RequestContext(
    String action,
    String resource,
    String principalArn,
    String principalAccount,
    Map<String, List<String>> contextKeys) {

  public RequestContext {
    Objects.requireNonNull(action, "action");
    resource = resource == null ? "*" : resource;
    principalAccount = principalAccount != null ? principalAccount : accountOf(principalArn);
    contextKeys = LazyContextKeys.of(contextKeys);
  }

  /** A request without context keys. */
  public static RequestContext of(String action, String resource, String principalArn) {
    return new RequestContext(action, resource, principalArn, null, Map.of());
  }

  /**
   * A copy with {@code key} set to {@code values} (replacing any values under any spelling of it).
   */
  public RequestContext withContextKey(String key, String... values) {
    SortedMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    keys.putAll(contextKeys);
    keys.remove(key);
    keys.put(key, List.of(values));
    return new RequestContext(action, resource, principalArn, principalAccount, keys);
  }

  /** The values of a context key (any case), or null when the key is absent or has no values. */
  public List<String> values(String key) {
    return valuesFolded(LazyContextKeys.fold(key));
  }

  /**
   * As {@link #values}, for a key already {@linkplain LazyContextKeys#fold folded} (compiled
   * policies).
   */
  List<String> valuesFolded(String foldedKey) {
    List<String> values = ((LazyContextKeys) contextKeys).getFolded(foldedKey);
    return values == null || values.isEmpty() ? null : values;
  }

  private static String accountOf(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
  }
}
