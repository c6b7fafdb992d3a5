package io.iamlocal.server.console;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.iamlocal.policy.document.JsonLimits;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy documents as a person reads them: percent-decoded when they arrive URL-encoded (as IAM
 * returns them), then indented two spaces per level. The copy is token by token, so key order,
 * duplicate keys and number spellings stay exactly as written; text that is not JSON is shown as
 * is.
 */
public final class PolicyJson {
  private static final JsonFactory FACTORY = JsonLimits.factory();
  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

  private PolicyJson() {}

  /** The document pretty-printed, or unchanged when it is not one JSON value; null stays null. */
  public static String pretty(String document) {
    if (document == null) {
      return null;
    }
    String text = decodeIfEncoded(document.strip());
    try (JsonParser parser = FACTORY.createParser(text)) {
      StringWriter out = new StringWriter(text.length() * 2);
      try (JsonGenerator generator = FACTORY.createGenerator(out)) {
        generator.setPrettyPrinter(printer());
        int depth = 0;
        int roots = 0;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (depth == 0 && ++roots > 1) {
            return document;
          }
          if (token.isStructStart()) {
            depth++;
          } else if (token.isStructEnd()) {
            depth--;
          }
          if (token.isNumeric()) {
            generator.writeNumber(parser.getText()); // as written: 1.50 stays 1.50
          } else {
            generator.copyCurrentEvent(parser);
          }
        }
        if (roots == 0) {
          return document;
        }
      }
      return out.toString();
    } catch (IOException e) {
      return document;
    }
  }

  /** {@code %7B%22Version%22…} (a document as IAM's API returns it) back to its JSON text. */
  static String decodeIfEncoded(String text) {
    if (text.length() >= 3
        && text.charAt(0) == '%'
        && text.substring(0, 3).equalsIgnoreCase("%7B")) {
      try {
        // URLDecoder would turn '+' into a space; in RFC 3986 encoding a '+' is itself.
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return text;
      }
    }
    return text;
  }

  private static DefaultPrettyPrinter printer() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentObjectsWith(INDENT);
    printer.indentArraysWith(INDENT);
    return printer;
  }
}
