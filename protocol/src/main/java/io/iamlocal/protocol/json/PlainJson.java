package io.iamlocal.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON data files vendored in the jars (service models, the authorization reference) into
 * plain maps, lists, strings, numbers and booleans, with Jackson's streaming parser only. Jackson's
 * {@code ObjectMapper} cost a tenth of the time to the first answer to set up (hundreds of classes,
 * locale data for its date format) for files that are only walked once.
 */
public final class PlainJson {
  private PlainJson() {}

  /** The value the stream holds: a {@code Map<String, Object>} for an object, in document order. */
  public static Object read(InputStream in) {
    try (JsonParser parser = Factory.JSON.createParser(in)) {
      return value(parser, parser.nextToken());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object member {@code name} of {@code node} when it is an object; else an empty map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(Object node, String name) {
    Object value = node instanceof Map<?, ?> map ? map.get(name) : null;
    return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
  }

  /** The array member {@code name} of {@code node}; else an empty list. */
  public static List<?> array(Object node, String name) {
    Object value = node instanceof Map<?, ?> map ? map.get(name) : null;
    return value instanceof List<?> list ? list : List.of();
  }

  /**
   * The member {@code name} as text (numbers and booleans as written, an object or array as {@code
   * ""}, as Jackson's {@code asText}), or {@code otherwise} when absent or null.
   */
  public static String text(Object node, String name, String otherwise) {
    Object value = node instanceof Map<?, ?> map ? map.get(name) : null;
    if (value == null) {
      return otherwise;
    }
    return value instanceof Map || value instanceof List ? "" : value.toString();
  }

  private static Object value(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("empty JSON");
    }
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
          fields.put(name, value(parser, parser.nextToken()));
        }
        return Collections.unmodifiableMap(fields);
      }
      case START_ARRAY -> {
        List<Object> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(parser, t));
        }
        return Collections.unmodifiableList(items);
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDecimalValue();
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return token == JsonToken.VALUE_TRUE;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  /**
   * Made at the first parse: the accessors above serve trees read by {@link PackedJson} too, which
   * need no Jackson class.
   */
  private static final class Factory {
    static final JsonFactory JSON = new JsonFactory();
  }
}
