package io.iamlocal.policy.document;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a policy string into literal text and policy variables ({@code ${aws:username}}, {@code
 * ${aws:PrincipalTag/team, 'none'}}) and the special characters {@code ${*}}, {@code ${?}}, {@code
 * ${$}}, per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html.
 * Only meaningful for documents with {@code "Version": "2012-10-17"}; callers check that first.
 */
public final class PolicyVariables {

  /** A piece of a policy string. */
  public sealed interface Part permits Text, Escaped, Variable {}

  /**
   * Literal text as written; {@code *} and {@code ?} in it are wildcards where the element allows
   * them.
   */
  public record Text(String value) implements Part {}

  /**
   * A character written as {@code ${*}}, {@code ${?}} or {@code ${$}}: always literal, never a
   * wildcard.
   */
  public record Escaped(char value) implements Part {}

  /** A variable; {@code defaultValue} is null when none was given. */
  public record Variable(String key, String defaultValue) implements Part {}

  // "key" or "key, 'default'"; the doc asks for ", " but we also accept other spacing.
  private static final Pattern BODY =
      Pattern.compile("\\s*([^\\s,'{}$]+)\\s*(?:,\\s*'([^']*)'\\s*)?");

  private PolicyVariables() {}

  public static List<Part> parse(String value) {
    List<Part> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int open = value.indexOf("${", i);
      if (open < 0) {
        break;
      }
      int close = value.indexOf('}', open + 2);
      if (close < 0) {
        break;
      }
      Part part = body(value.substring(open + 2, close));
      if (part == null) {
        text.append(value, i, open + 2);
        i = open + 2;
        continue;
      }
      text.append(value, i, open);
      if (text.length() > 0) {
        parts.add(new Text(text.toString()));
        text.setLength(0);
      }
      parts.add(part);
      i = close + 1;
    }
    text.append(value, i, value.length());
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
    }
    return parts;
  }

  /**
   * True when {@code value} contains at least one real variable (the special characters do not
   * count).
   */
  public static boolean containsVariable(String value) {
    return value.contains("${") && parse(value).stream().anyMatch(p -> p instanceof Variable);
  }

  /** The keys of the variables in {@code value}, as written, in order. */
  public static List<String> variableKeys(String value) {
    List<String> keys = new ArrayList<>();
    if (value.contains("${")) {
      for (Part p : parse(value)) {
        if (p instanceof Variable v) {
          keys.add(v.key());
        }
      }
    }
    return keys;
  }

  private static Part body(String body) {
    if (body.equals("*") || body.equals("?") || body.equals("$")) {
      return new Escaped(body.charAt(0));
    }
    Matcher m = BODY.matcher(body);
    if (!m.matches()) {
      return null;
    }
    return new Variable(m.group(1), m.group(2));
  }
}
