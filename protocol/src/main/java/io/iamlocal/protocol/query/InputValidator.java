package io.iamlocal.protocol.query;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.model.ShapeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a decoded input against the model's constraints and reports violations in AWS's Coral
 * format: {@code 1 validation error detected: Value 'x' at 'userName' failed to satisfy
 * constraint: Member must have length less than or equal to 64}.
 */
public final class InputValidator {
  private InputValidator() {}

  public static void validate(Shape input, Map<String, Object> tree) {
    List<String> errors = new ArrayList<>();
    structure(input, tree, "", errors);
    if (!errors.isEmpty()) {
      String head = errors.size() == 1 ? "1 validation error detected: " : errors.size() + " validation errors detected: ";
      throw AwsServiceException.validation(head + String.join("; ", errors));
    }
  }

  /** AWS names members by their lower-camel form, lists by index: {@code tags.1.member.key}. */
  static String wirePath(String queryKey) {
    StringBuilder out = new StringBuilder(queryKey.length());
    for (String part : queryKey.split("\\.")) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(lowerCamel(part));
    }
    return out.toString();
  }

  private static String lowerCamel(String name) {
    if (name.isEmpty() || Character.isLowerCase(name.charAt(0))) {
      return name;
    }
    int upper = 0;
    while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
      upper++;
    }
    // "SAMLMetadataDocument" -> "sAMLMetadataDocument" is what Coral prints: only the first letter drops.
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  @SuppressWarnings("unchecked")
  private static void structure(Shape shape, Map<String, Object> value, String path, List<String> errors) {
    for (String member : shape.memberNames()) {
      String memberPath = path.isEmpty() ? lowerCamel(member) : path + "." + lowerCamel(member);
      Object v = value.get(member);
      Shape memberShape = shape.member(member);
      if (v == null) {
        if (shape.isRequired(member)) {
          errors.add("Value null at '" + memberPath + "' failed to satisfy constraint: Member must not be null");
        }
        continue;
      }
      check(memberShape, v, memberPath, errors);
    }
  }

  @SuppressWarnings("unchecked")
  private static void check(Shape shape, Object v, String path, List<String> errors) {
    switch (shape.type()) {
      case STRUCTURE -> structure(shape, (Map<String, Object>) v, path, errors);
      case LIST -> {
        List<Object> items = (List<Object>) v;
        length(shape, items.size(), display(shape, v), path, errors);
        if (shape.listMember().type() != ShapeType.STRUCTURE) {
          scalarItems(shape.listMember(), items, path, errors);
          return;
        }
        for (int i = 0; i < items.size(); i++) {
          check(shape.listMember(), items.get(i), path + "." + (i + 1) + ".member", errors);
        }
      }
      case MAP -> {
        Map<String, Object> entries = (Map<String, Object>) v;
        length(shape, entries.size(), display(shape, v), path, errors);
        entries.forEach((k, val) -> {
          check(shape.mapKey(), k, path + ".key", errors);
          if (val != null) {
            check(shape.mapValue(), val, path + ".value", errors);
          }
        });
      }
      case STRING -> {
        String s = (String) v;
        length(shape, s.codePointCount(0, s.length()), display(shape, s), path, errors);
        if (shape.compiledPattern() != null && !shape.compiledPattern().matcher(s).matches()) {
          errors.add(prefix(shape, s, path) + "Member must satisfy regular expression pattern: " + shape.pattern());
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(s)) {
          errors.add(prefix(shape, s, path) + "Member must satisfy enum value set: " + shape.enumValues());
        }
      }
      case INTEGER, LONG, DOUBLE -> {
        double n = ((Number) v).doubleValue();
        if (shape.min() != null && n < shape.min()) {
          errors.add(prefix(shape, v, path) + "Member must have value greater than or equal to " + shape.min());
        }
        if (shape.max() != null && n > shape.max()) {
          errors.add(prefix(shape, v, path) + "Member must have value less than or equal to " + shape.max());
        }
      }
      default -> {
        // booleans, timestamps and blobs carry no constraints in the IAM and STS models
      }
    }
  }

  /**
   * A list of scalars with a bad item is one error at the list, naming every constraint of the
   * item shape and no value, as recorded from IAM (CreateOpenIDConnectProvider):
   * {@code Value at 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint:
   * [Member must have length less than or equal to 40, Member must have length greater than or equal to 40]}.
   */
  private static void scalarItems(Shape member, List<Object> items, String path, List<String> errors) {
    List<String> itemErrors = new ArrayList<>();
    for (int i = 0; i < items.size() && itemErrors.isEmpty(); i++) {
      check(member, items.get(i), path + "." + (i + 1) + ".member", itemErrors);
    }
    if (itemErrors.isEmpty()) {
      return;
    }
    List<String> constraints = new ArrayList<>();
    boolean text = member.type() == ShapeType.STRING;
    String kind = text ? "length" : "value";
    if (member.max() != null) {
      constraints.add("Member must have " + kind + " less than or equal to " + member.max());
    }
    if (member.min() != null) {
      constraints.add("Member must have " + kind + " greater than or equal to " + member.min());
    }
    if (text && member.pattern() != null) {
      constraints.add("Member must satisfy regular expression pattern: " + member.pattern());
    }
    if (text && !member.enumValues().isEmpty()) {
      constraints.add("Member must satisfy enum value set: " + member.enumValues());
    }
    errors.add("Value at '" + path + "' failed to satisfy constraint: Member must satisfy constraint: " + constraints);
  }

  private static void length(Shape shape, long length, String shown, String path, List<String> errors) {
    if (shape.min() != null && length < shape.min()) {
      errors.add(prefixShown(shown, path) + "Member must have length greater than or equal to " + shape.min());
    }
    if (shape.max() != null && length > shape.max()) {
      errors.add(prefixShown(shown, path) + "Member must have length less than or equal to " + shape.max());
    }
  }

  private static String prefix(Shape shape, Object v, String path) {
    return prefixShown(display(shape, v), path);
  }

  private static String prefixShown(String shown, String path) {
    return shown == null ? "Value at '" + path + "' failed to satisfy constraint: " : "Value '" + shown + "' at '" + path + "' failed to satisfy constraint: ";
  }

  /** Sensitive values (passwords, keys) are never echoed back, as AWS does. */
  private static String display(Shape shape, Object v) {
    return shape.isSensitive() ? null : String.valueOf(v);
  }
}
