package io.iamlocal.server.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.iamlocal.policy.document.JsonLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A seed document (YAML or JSON) read into a tree that remembers the line of every value, so that
 * errors name {@code file:line}. {@link Item} reads one entry (a user, a role…) strictly: unknown
 * keys and wrong types are errors, not silently ignored.
 */
public final class SeedFile {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final String source;
  private final JsonNode root;
  private final Map<String, Integer> lines;

  private SeedFile(String source, JsonNode root, Map<String, Integer> lines) {
    this.source = source;
    this.root = root;
    this.lines = lines;
  }

  /** Reads {@code file}: JSON when it ends in {@code .json}, YAML otherwise. */
  public static SeedFile read(Path file) {
    String name = file.toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SeedException(name + ": no such file");
    } catch (IOException e) {
      throw new SeedException(name + ": cannot read: " + e.getMessage(), e);
    }
    boolean json = name.toLowerCase(Locale.ROOT).endsWith(".json");
    return parse(
        name,
        bytes,
        json
            ? JsonLimits.factory()
            : YAMLFactory.builder().streamReadConstraints(JsonLimits.constraints()).build());
  }

  /** A document as journalled (JSON); lines then refer to that text. */
  public static SeedFile fromJson(String source, String json) {
    return parse(
        source, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), JsonLimits.factory());
  }

  private static SeedFile parse(String source, byte[] bytes, JsonFactory factory) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(bytes)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new SeedFile(source, NODES.objectNode(), lines);
      }
      JsonNode root = value(parser, "", lines, source);
      if (parser.nextToken() != null) {
        throw new SeedException(
            source + ":" + parser.currentTokenLocation().getLineNr() + ": more than one document");
      }
      return new SeedFile(source, root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SeedException(
          source
              + ":"
              + line
              + ": not valid "
              + (factory instanceof YAMLFactory ? "YAML" : "JSON")
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new SeedException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonNode value(
      JsonParser p, String path, Map<String, Integer> lines, String source) throws IOException {
    lines.put(path, p.currentTokenLocation().getLineNr());
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          while (p.nextToken() != JsonToken.END_OBJECT) {
            String name = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            p.nextToken();
            if (object.has(name)) {
              throw new SeedException(source + ":" + line + ": duplicate key '" + name + "'");
            }
            object.set(name, value(p, path + "/" + name, lines, source));
            // A key's line reads better than where its (block) value starts.
            lines.put(path + "/" + name, line);
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(p, path + "/" + array.size(), lines, source));
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(p.getLongValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new SeedException(
            source + ":" + p.currentTokenLocation().getLineNr() + ": unexpected " + token);
    }
  }

  /** The document as compact JSON (what is journalled). */
  public String toJson() {
    return root.toString();
  }

  public String source() {
    return source;
  }

  /** {@code file:line} of the value at {@code path} (a JSON pointer), or of its nearest parent. */
  String where(String path) {
    String p = path;
    while (true) {
      Integer line = lines.get(p);
      if (line != null) {
        return source + ":" + line;
      }
      if (p.isEmpty()) {
        return source;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  /** The top level, which may hold {@code keys} only. */
  Item top(Set<String> keys) {
    if (!root.isObject()) {
      throw new SeedException(
          where("") + ": the document must be a mapping with " + String.join(", ", keys));
    }
    return new Item(this, (ObjectNode) root, "", "the document", keys);
  }

  /** One mapping of the document: typed, strict accessors whose errors say where. */
  static final class Item {
    private final SeedFile file;
    private final ObjectNode node;
    private final String path;
    private final String what;

    Item(SeedFile file, ObjectNode node, String path, String what, Set<String> keys) {
      this.file = file;
      this.node = node;
      this.path = path;
      this.what = what;
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!keys.contains(name)) {
          throw new SeedException(
              file.where(path + "/" + name)
                  + ": "
                  + what
                  + ": unknown key '"
                  + name
                  + "' (expected one of "
                  + String.join(", ", new java.util.TreeSet<>(keys))
                  + ")");
        }
      }
    }

    /** {@code file:line} of this item. */
    String where() {
      return file.where(path);
    }

    String what() {
      return what;
    }

    SeedException error(String key, String message) {
      return new SeedException(
          file.where(key == null ? path : path + "/" + key) + ": " + what + ": " + message);
    }

    private JsonNode get(String key) {
      JsonNode value = node.get(key);
      return value == null || value.isNull() ? null : value;
    }

    String text(String key, boolean required) {
      JsonNode value = get(key);
      if (value == null) {
        if (required) {
          throw error(null, "'" + key + "' is required");
        }
        return null;
      }
      if (!value.isValueNode()) {
        throw error(key, "'" + key + "' must be a string");
      }
      return value.asText();
    }

    Integer integer(String key) {
      JsonNode value = get(key);
      if (value == null) {
        return null;
      }
      if (value.isIntegralNumber() && value.canConvertToInt()) {
        return value.intValue();
      }
      if (value.isTextual()) {
        try {
          return Integer.parseInt(value.textValue().trim());
        } catch (NumberFormatException ignored) {
          // Reported below.
        }
      }
      throw error(key, "'" + key + "' must be a whole number");
    }

    /** A policy document: a mapping (written as JSON) or a string holding JSON. */
    String document(String key, boolean required) {
      JsonNode value = get(key);
      if (value == null) {
        if (required) {
          throw error(null, "'" + key + "' (a policy document) is required");
        }
        return null;
      }
      if (value.isTextual()) {
        return value.textValue();
      }
      if (value.isObject()) {
        return value.toString();
      }
      throw error(key, "'" + key + "' must be a policy document (a mapping, or a JSON string)");
    }

    List<String> strings(String key) {
      JsonNode value = get(key);
      List<String> out = new ArrayList<>();
      if (value == null) {
        return out;
      }
      if (!value.isArray()) {
        throw error(key, "'" + key + "' must be a list");
      }
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (item == null || !item.isValueNode() || item.isNull()) {
          throw new SeedException(
              file.where(path + "/" + key + "/" + i)
                  + ": "
                  + what
                  + ": '"
                  + key
                  + "' items must be strings");
        }
        out.add(item.asText());
      }
      return out;
    }

    /** A mapping of names to strings (tags), in document order. */
    Map<String, String> stringMap(String key) {
      Map<String, String> out = new LinkedHashMap<>();
      JsonNode value = get(key);
      if (value == null) {
        return out;
      }
      if (!value.isObject()) {
        throw error(key, "'" + key + "' must be a mapping of keys to values");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode()) {
          throw new SeedException(
              file.where(path + "/" + key + "/" + e.getKey())
                  + ": "
                  + what
                  + ": '"
                  + key
                  + "' values must be strings");
        }
        out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
      return out;
    }

    /** A mapping of policy names to documents (inline policies), in document order. */
    Map<String, String> documents(String key) {
      Map<String, String> out = new LinkedHashMap<>();
      JsonNode value = get(key);
      if (value == null) {
        return out;
      }
      if (!value.isObject()) {
        throw error(key, "'" + key + "' must be a mapping of policy names to documents");
      }
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode doc = value.get(name);
        if (doc.isTextual()) {
          out.put(name, doc.textValue());
        } else if (doc.isObject()) {
          out.put(name, doc.toString());
        } else {
          throw new SeedException(
              file.where(path + "/" + key + "/" + name)
                  + ": "
                  + what
                  + ": inline policy '"
                  + name
                  + "' must be a policy document (a mapping, or a JSON string)");
        }
      }
      return out;
    }

    /**
     * A list of mappings, each read as an item with {@code keys}; {@code label} names them in
     * errors.
     */
    List<Item> items(String key, Set<String> keys, String kind, String nameKey) {
      JsonNode value = get(key);
      List<Item> out = new ArrayList<>();
      if (value == null) {
        return out;
      }
      if (!value.isArray()) {
        throw error(key, "'" + key + "' must be a list");
      }
      for (int i = 0; i < value.size(); i++) {
        String itemPath = path + "/" + key + "/" + i;
        JsonNode item = value.get(i);
        if (!item.isObject()) {
          throw new SeedException(file.where(itemPath) + ": " + kind + " entries must be mappings");
        }
        JsonNode name = nameKey == null ? null : item.get(nameKey);
        String label =
            name != null && name.isValueNode()
                ? kind + " '" + name.asText() + "'"
                : kind + " #" + (i + 1);
        out.add(new Item(file, (ObjectNode) item, itemPath, label, keys));
      }
      return out;
    }
  }
}
