package io.iamlocal.policy.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON tree that remembers where each object starts and ends, which Jackson's own tree does
 * not. Scalars keep their literal text so numbers come back exactly as written ({@code 10}, {@code
 * 1.50}).
 */
final class JsonTree {

  enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  /** One JSON value; only the members matching {@link #kind} are set. */
  static final class Node {
    final Kind kind;
    final String text;
    final Map<String, Node> fields;
    final List<Node> items;
    final SourceRange range;

    private Node(
        Kind kind, String text, Map<String, Node> fields, List<Node> items, SourceRange range) {
      this.kind = kind;
      this.text = text;
      this.fields = fields;
      this.items = items;
      this.range = range;
    }

    boolean isScalar() {
      return kind == Kind.STRING || kind == Kind.NUMBER || kind == Kind.BOOLEAN;
    }
  }

  private static final JsonFactory FACTORY = JsonLimits.factory();

  private JsonTree() {}

  static Node parse(String json) throws PolicyParseException {
    if (json == null) {
      throw new PolicyParseException(PolicyParseException.Reason.INVALID_JSON, "no policy text");
    }
    try (JsonParser parser = FACTORY.createParser(json)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new PolicyParseException(
            PolicyParseException.Reason.INVALID_JSON, "empty policy text");
      }
      Node root = read(parser, first);
      if (parser.nextToken() != null) {
        throw new PolicyParseException(
            PolicyParseException.Reason.INVALID_JSON, "text after the policy object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new PolicyParseException(
          PolicyParseException.Reason.INVALID_JSON, e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyParseException(PolicyParseException.Reason.INVALID_JSON, e.getMessage());
    }
  }

  private static Node read(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          JsonLocation start = parser.currentTokenLocation();
          Map<String, Node> fields = new LinkedHashMap<>();
          JsonToken t;
          while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            // Duplicate names: the last one wins, like Jackson's (and most Java JSON binders')
            // default.
            fields.put(name, read(parser, parser.nextToken()));
          }
          JsonLocation end = parser.currentTokenLocation();
          return new Node(
              Kind.OBJECT,
              null,
              fields,
              null,
              new SourceRange(
                  start.getLineNr(),
                  start.getColumnNr() + 1,
                  end.getLineNr(),
                  end.getColumnNr() + 1));
        }
      case START_ARRAY:
        {
          List<Node> items = new ArrayList<>();
          JsonToken t;
          while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            items.add(read(parser, t));
          }
          return new Node(Kind.ARRAY, null, null, items, null);
        }
      case VALUE_STRING:
        return new Node(Kind.STRING, parser.getText(), null, null, null);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Node(Kind.NUMBER, parser.getText(), null, null, null);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node(Kind.BOOLEAN, parser.getText(), null, null, null);
      case VALUE_NULL:
        return new Node(Kind.NULL, null, null, null, null);
      default:
        throw new IOException("unexpected token " + token);
    }
  }
}
