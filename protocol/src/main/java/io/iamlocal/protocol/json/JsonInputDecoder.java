package io.iamlocal.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.query.InputValidator;
import io.iamlocal.protocol.query.Params;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the input of a JSON 1.1 or REST-JSON operation into the same validated value tree as the
 * Query decoder: body members from the JSON document, REST members from the URI template's labels
 * and the query string (the model's {@code location}/{@code locationName}). Unknown members are
 * ignored; a value of the wrong JSON type is a {@code SerializationException}, as AWS answers.
 */
public final class JsonInputDecoder {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonInputDecoder() {}

  /**
   * Decodes and validates against the model's constraints.
   *
   * @param body the request body (empty: no body members)
   * @param uriLabels values of the URI template's labels, already percent-decoded
   * @param query query string parameters, already decoded
   */
  public static Params decode(
      Shape input, byte[] body, Map<String, String> uriLabels, Map<String, String> query) {
    if (input == null) {
      return Params.NO_INPUT;
    }
    JsonNode document = parse(body);
    Map<String, Object> tree = structure(input, document);
    for (String member : input.memberNames()) {
      Shape.MemberLocation location = input.location(member);
      if (location == null) {
        continue;
      }
      String raw =
          switch (location.location()) {
            case "uri" -> uriLabels.get(location.name());
            case "querystring" -> query.get(location.name());
            default -> null;
          };
      tree.remove(member);
      if (raw != null) {
        tree.put(member, scalarFromText(input.member(member), raw, member));
      }
    }
    InputValidator.validate(input, tree);
    return Params.of(input, tree);
  }

  private static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JSON.createObjectNode();
      }
      if (!node.isObject()) {
        throw serialization("Start of structure or map found where not expected.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw serialization("Could not parse the request body as JSON.");
    } catch (java.io.IOException e) {
      throw serialization("Could not read the request body.");
    }
  }

  private static Map<String, Object> structure(Shape shape, JsonNode node) {
    if (!node.isObject()) {
      throw serialization("Expected a structure for " + shape.name() + ".");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String member : shape.memberNames()) {
      JsonNode value = node.get(member);
      if (value != null && !value.isNull()) {
        out.put(member, value(shape.member(member), value, member));
      }
    }
    return out;
  }

  private static Object value(Shape shape, JsonNode node, String member) {
    switch (shape.type()) {
      case STRUCTURE:
        return structure(shape, node);
      case LIST:
        {
          if (!node.isArray()) {
            throw serialization("Expected a list for " + member + ".");
          }
          List<Object> items = new ArrayList<>();
          for (JsonNode item : node) {
            items.add(item.isNull() ? null : value(shape.listMember(), item, member));
          }
          return items;
        }
      case MAP:
        {
          if (!node.isObject()) {
            throw serialization("Expected a map for " + member + ".");
          }
          Map<String, Object> entries = new LinkedHashMap<>();
          Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            entries.put(
                e.getKey(),
                e.getValue().isNull() ? null : value(shape.mapValue(), e.getValue(), member));
          }
          return entries;
        }
      default:
        return scalar(shape, node, member);
    }
  }

  private static Object scalar(Shape shape, JsonNode node, String member) {
    switch (shape.type()) {
      case STRING:
        if (!node.isTextual()) {
          throw serialization("Expected a string for " + member + ".");
        }
        return node.asText();
      case BOOLEAN:
        if (!node.isBoolean()) {
          throw serialization("Expected a boolean for " + member + ".");
        }
        return node.asBoolean();
      case INTEGER:
      case LONG:
        if (!node.isIntegralNumber()) {
          throw serialization("Expected an integer for " + member + ".");
        }
        return node.asLong();
      case DOUBLE:
        if (!node.isNumber()) {
          throw serialization("Expected a number for " + member + ".");
        }
        return node.asDouble();
      case TIMESTAMP:
        if (node.isNumber()) {
          return epochSeconds(node.decimalValue());
        }
        if (node.isTextual()) {
          return scalarFromText(shape, node.asText(), member);
        }
        throw serialization("Expected a timestamp for " + member + ".");
      case BLOB:
        if (!node.isTextual()) {
          throw serialization("Expected base64 text for " + member + ".");
        }
        return scalarFromText(shape, node.asText(), member);
      default:
        throw serialization("Unexpected value for " + member + ".");
    }
  }

  /**
   * A member carried as text: a URI label, a query parameter, or a timestamp or blob in the body.
   */
  private static Object scalarFromText(Shape shape, String raw, String member) {
    try {
      return switch (shape.type()) {
        case INTEGER, LONG -> Long.parseLong(raw.trim());
        case DOUBLE -> Double.parseDouble(raw.trim());
        case BOOLEAN -> {
          if (!raw.equals("true") && !raw.equals("false")) {
            throw new IllegalArgumentException(raw);
          }
          yield Boolean.valueOf(raw);
        }
        case TIMESTAMP ->
            raw.matches("\\d+(\\.\\d+)?")
                ? epochSeconds(new BigDecimal(raw))
                : OffsetDateTime.parse(raw).toInstant();
        case BLOB -> Base64.getDecoder().decode(raw);
        default -> raw;
      };
    } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
      throw serialization(
          "Could not read '"
              + raw
              + "' as "
              + shape.type().name().toLowerCase(java.util.Locale.ROOT)
              + " for "
              + member
              + ".");
    }
  }

  private static Instant epochSeconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
    long nanos = seconds.subtract(whole).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  private static JsonError serialization(String message) {
    return JsonError.badRequest("SerializationException", message);
  }
}
