package io.iamlocal.protocol.query;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.Shape;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Turns flat Query parameters ({@code Tags.member.1.Key=team}) into a value tree shaped by the
 * operation's input shape: structures become maps, lists become lists ({@code X.member.N}), maps
 * become maps ({@code X.entry.N.key/value}), scalars are typed. Unknown parameters are ignored, as
 * AWS does.
 */
public final class QueryInputDecoder {
  private final NavigableMap<String, String> params;

  private QueryInputDecoder(Map<String, String> params) {
    this.params = params instanceof NavigableMap<String, String> n ? n : new TreeMap<>(params);
  }

  /** Decodes and validates; throws a {@code ValidationError} listing every violated constraint. */
  public static Params decode(Shape input, Map<String, String> params) {
    if (input == null) {
      return Params.NO_INPUT;
    }
    if (input.required().isEmpty() && namesTheCallOnly(params, input)) {
      // GetUser of the caller, GetCallerIdentity: no member sent and none required, so nothing to
      // decode or to find missing.
      return Params.none(input);
    }
    Map<String, Object> tree = new QueryInputDecoder(params).structure(input, "");
    InputValidator.validate(input, tree);
    return tree.isEmpty() ? Params.none(input) : Params.of(input, tree);
  }

  /**
   * Whether the only parameters are Action and Version, and neither is a member of {@code input}.
   */
  private static boolean namesTheCallOnly(Map<String, String> params, Shape input) {
    int named = (params.containsKey("Action") ? 1 : 0) + (params.containsKey("Version") ? 1 : 0);
    return params.size() == named && !input.hasMember("Action") && !input.hasMember("Version");
  }

  private Map<String, Object> structure(Shape shape, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String member : shape.memberNames()) {
      String key = prefix.isEmpty() ? member : prefix + "." + member;
      Object value = value(shape.member(member), key);
      if (value != null) {
        out.put(member, value);
      }
    }
    return out;
  }

  private Object value(Shape shape, String key) {
    return switch (shape.type()) {
      case STRUCTURE -> hasPrefix(key + ".") ? structure(shape, key) : null;
      case LIST -> list(shape, key);
      case MAP -> map(shape, key);
      default -> scalar(shape, key, params.get(key));
    };
  }

  private List<Object> list(Shape shape, String key) {
    if (!hasPrefix(key + ".")) {
      // "Tags=" is how Query clients send an explicitly empty list.
      return params.containsKey(key) ? new ArrayList<>() : null;
    }
    List<Object> out = new ArrayList<>();
    for (int i = 1; ; i++) {
      String itemKey = key + ".member." + i;
      Object item = value(shape.listMember(), itemKey);
      if (item == null) {
        return out;
      }
      out.add(item);
    }
  }

  private Map<String, Object> map(Shape shape, String key) {
    if (!hasPrefix(key + ".")) {
      return params.containsKey(key) ? new LinkedHashMap<>() : null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 1; ; i++) {
      String entry = key + ".entry." + i;
      String k = params.get(entry + ".key");
      if (k == null) {
        return out;
      }
      out.put(k, value(shape.mapValue(), entry + ".value"));
    }
  }

  private boolean hasPrefix(String prefix) {
    String next = params.ceilingKey(prefix);
    return next != null && next.startsWith(prefix);
  }

  private static Object scalar(Shape shape, String key, String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return switch (shape.type()) {
        case INTEGER, LONG -> Long.parseLong(raw.trim());
        case DOUBLE -> Double.parseDouble(raw.trim());
        case BOOLEAN -> parseBoolean(raw);
        case TIMESTAMP -> parseTimestamp(raw);
        case BLOB -> Base64.getMimeDecoder().decode(raw);
        default -> raw;
      };
    } catch (IllegalArgumentException
        | DateTimeException e) { // DateTimeException: also epoch seconds out of Instant's range
      throw AwsServiceException.validation(
          "1 validation error detected: Value '"
              + raw
              + "' at '"
              + InputValidator.wirePath(key)
              + "' failed to satisfy constraint: Member must be a valid "
              + shape.type().name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private static Boolean parseBoolean(String raw) {
    if ("true".equalsIgnoreCase(raw)) {
      return Boolean.TRUE;
    }
    if ("false".equalsIgnoreCase(raw)) {
      return Boolean.FALSE;
    }
    throw new IllegalArgumentException(raw);
  }

  private static Instant parseTimestamp(String raw) {
    if (raw.chars().allMatch(Character::isDigit)) {
      return Instant.ofEpochSecond(Long.parseLong(raw));
    }
    return OffsetDateTime.parse(raw.endsWith("Z") || raw.contains("+") ? raw : raw + "Z")
        .toInstant();
  }
}
