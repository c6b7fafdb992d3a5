package io.iamlocal.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.protocol.model.Shape;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a JSON 1.1 or REST-JSON response body by walking the output shape: the same value maps the
 * XML writer takes (String, Number, Boolean, Instant, byte[], Map, Collection). Timestamps are
 * epoch seconds, the JSON protocols' default, unless the shape says {@code iso8601}.
 */
public final class JsonResponseWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonResponseWriter() {}

  /**
   * The body for {@code output} (null: {@code {}}); members the shape lacks are a programming
   * error.
   */
  public static String render(Shape output, Map<String, ?> values) {
    if (output == null || values == null) {
      return "{}";
    }
    return structure(output, values).toString();
  }

  /** An error body as the JSON protocols' SDK parsers read it: {@code {"__type":…,"message":…}}. */
  public static String error(String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("__type", code);
    body.put("message", message);
    return body.toString();
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode structure(Shape shape, Map<String, ?> values) {
    for (String key : values.keySet()) {
      if (shape.member(key) == null) {
        throw new IllegalStateException(shape.name() + " has no member " + key);
      }
    }
    ObjectNode node = JSON.createObjectNode();
    for (String member : shape.memberNames()) {
      Object v = values.get(member);
      if (v != null && shape.location(member) == null) {
        node.set(member, value(shape.member(member), v));
      }
    }
    return node;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode value(Shape shape, Object v) {
    switch (shape.type()) {
      case STRUCTURE:
        return structure(shape, (Map<String, ?>) v);
      case LIST:
        {
          ArrayNode items = JSON.createArrayNode();
          for (Object item : (Collection<?>) v) {
            items.add(value(shape.listMember(), item));
          }
          return items;
        }
      case MAP:
        {
          ObjectNode entries = JSON.createObjectNode();
          ((Map<?, ?>) v)
              .forEach((k, val) -> entries.set(String.valueOf(k), value(shape.mapValue(), val)));
          return entries;
        }
      case TIMESTAMP:
        return timestamp(shape, (Instant) v);
      case BOOLEAN:
        return JSON.getNodeFactory().booleanNode((Boolean) v);
      case INTEGER:
      case LONG:
        return JSON.getNodeFactory().numberNode(((Number) v).longValue());
      case DOUBLE:
        return JSON.getNodeFactory().numberNode(((Number) v).doubleValue());
      case BLOB:
        return JSON.getNodeFactory().textNode(Base64.getEncoder().encodeToString((byte[]) v));
      default:
        return JSON.getNodeFactory().textNode(v.toString());
    }
  }

  private static JsonNode timestamp(Shape shape, Instant instant) {
    if ("iso8601".equals(shape.timestampFormat())) {
      return JSON.getNodeFactory()
          .textNode(instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
    }
    BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond());
    if (instant.getNano() != 0) {
      seconds = seconds.add(BigDecimal.valueOf(instant.getNano() / 1_000_000, 3));
    }
    return JSON.getNodeFactory().numberNode(seconds);
  }
}
