package io.iamlocal.policy.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is being asked: the action, the resource, who asks, and the request context keys.
 *
 * <p>Context key names are case-insensitive, as in AWS ("{@code aws:CurrentTime} is equivalent to
 * {@code AWS:currenttime}"): the map is copied into a case-insensitive sorted map, merging keys that differ
 * only by case. A key with no values is treated as absent.
 *
 * @param action the action, e.g. {@code iam:CreateUser} (matched without regard to case)
 * @param resource the resource ARN, or {@code "*"} when the action has none (null becomes {@code "*"})
 * @param principalArn the caller, e.g. {@code arn:aws:iam::123456789012:user/alice}, an assumed-role session
 *     ARN, a service principal such as {@code ec2.amazonaws.com}, or null for an anonymous caller
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
        SortedMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (contextKeys != null) {
            contextKeys.forEach((k, v) -> {
                List<String> merged = new ArrayList<>(keys.getOrDefault(k, List.of()));
                merged.addAll(v);
                keys.put(k, List.copyOf(merged));
            });
        }
        contextKeys = Collections.unmodifiableSortedMap(keys);
    }

    /** A request without context keys. */
    public static RequestContext of(String action, String resource, String principalArn) {
        return new RequestContext(action, resource, principalArn, null, Map.of());
    }

    /** A copy with {@code key} set to {@code values} (replacing any values under any spelling of it). */
    public RequestContext withContextKey(String key, String... values) {
        SortedMap<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        keys.putAll(contextKeys);
        keys.remove(key);
        keys.put(key, List.of(values));
        return new RequestContext(action, resource, principalArn, principalAccount, keys);
    }

    /** The values of a context key (any case), or null when the key is absent or has no values. */
    public List<String> values(String key) {
        List<String> values = contextKeys.get(key);
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
