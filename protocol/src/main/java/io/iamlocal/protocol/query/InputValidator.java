package io.iamlocal.protocol.query;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.model.ShapeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a decoded input against the model's constraints and reports violations in AWS's Coral
 * format: {@code 1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy
 * constraint: Member must have length less than or equal to 64}. IAM no longer echoes the value
 * ({@code Value at 'path' failed to satisfy constraint: …}, recorded from AWS for strings, numbers
 * and lists alike); STS still does. Several violations come in Coral's order, which is the
 * iteration order of a {@link HashMap} of the structure's member names (recorded from AWS:
 * minimumPasswordLength, passwordReusePrevention, maxPasswordAge; clientIDList, thumbprintList,
 * url).
 */
public final class InputValidator {
  private static final Map<Shape, List<String>> CORAL_ORDER = new ConcurrentHashMap<>();

  /**
   * Lists whose items Coral also declares non-null, which its message names last (recorded: Untag*
   * tagKeys).
   */
  private static final Set<String> ITEMS_NOT_NULL = Set.of("tagKeyListType");

  /**
   * Members whose pattern the service checks itself, with its own text (recorded from AWS:
   * CreateVirtualMFADevice answers a bad path with "The specified value for path is invalid…").
   */
  private static final Set<String> PATTERN_LEFT_TO_THE_SERVICE =
      Set.of("CreateVirtualMFADeviceRequest.Path");

  private final boolean echoValues;
  private final List<String> errors = new ArrayList<>();

  private InputValidator(boolean echoValues) {
    this.echoValues = echoValues;
  }

  public static void validate(Shape input, Map<String, Object> tree) {
    InputValidator validator = new InputValidator(!"IAM".equals(input.service().serviceId()));
    List<String> errors = validator.errors;
    validator.structure(input, tree, "");
    if (!errors.isEmpty()) {
      String head =
          errors.size() == 1
              ? "1 validation error detected: "
              : errors.size() + " validation errors detected: ";
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
    // "SAMLMetadataDocument" -> "sAMLMetadataDocument" is what Coral prints: only the first letter
    // drops.
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** The structure's member names in the order Coral checks them. */
  private static List<String> coralOrder(Shape shape) {
    return CORAL_ORDER.computeIfAbsent(
        shape,
        s -> {
          Map<String, String> byWireName = new HashMap<>();
          s.memberNames().forEach(member -> byWireName.put(lowerCamel(member), member));
          return List.copyOf(byWireName.values());
        });
  }

  private void structure(Shape shape, Map<String, Object> value, String path) {
    for (String member : coralOrder(shape)) {
      Object v = value.get(member);
      if (v == null) {
        if (shape.isRequired(member)) {
          errors.add(
              "Value null at '"
                  + memberPath(path, member)
                  + "' failed to satisfy constraint: Member must not be null");
        }
        continue; // an absent optional member costs no path string
      }
      check(
          shape.member(member),
          v,
          memberPath(path, member),
          !PATTERN_LEFT_TO_THE_SERVICE.contains(shape.name() + "." + member));
    }
  }

  private static String memberPath(String path, String member) {
    return path.isEmpty() ? lowerCamel(member) : path + "." + lowerCamel(member);
  }

  private void check(Shape shape, Object v, String path) {
    check(shape, v, path, true);
  }

  @SuppressWarnings("unchecked")
  private void check(Shape shape, Object v, String path, boolean withPattern) {
    switch (shape.type()) {
      case STRUCTURE -> structure(shape, (Map<String, Object>) v, path);
      case LIST -> {
        List<Object> items = (List<Object>) v;
        length(shape, items.size(), display(shape, v), path);
        if (shape.listMember().type() != ShapeType.STRUCTURE) {
          scalarItems(shape.name(), shape.listMember(), items, path);
          return;
        }
        for (int i = 0; i < items.size(); i++) {
          check(shape.listMember(), items.get(i), path + "." + (i + 1) + ".member");
        }
      }
      case MAP -> {
        Map<String, Object> entries = (Map<String, Object>) v;
        length(shape, entries.size(), display(shape, v), path);
        entries.forEach(
            (k, val) -> {
              check(shape.mapKey(), k, path + ".key");
              if (val != null) {
                check(shape.mapValue(), val, path + ".value");
              }
            });
      }
      case STRING -> {
        String s = (String) v;
        length(shape, s.codePointCount(0, s.length()), display(shape, s), path);
        if (withPattern
            && shape.compiledPattern() != null
            && !shape.compiledPattern().matcher(s).matches()) {
          errors.add(
              prefix(shape, s, path)
                  + "Member must satisfy regular expression pattern: "
                  + shape.pattern());
        }
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(s)) {
          errors.add(
              prefix(shape, s, path) + "Member must satisfy enum value set: " + shape.enumValues());
        }
      }
      case INTEGER, LONG, DOUBLE -> {
        double n = ((Number) v).doubleValue();
        if (shape.min() != null && n < shape.min()) {
          errors.add(
              prefix(shape, v, path)
                  + "Member must have value greater than or equal to "
                  + shape.min());
        }
        if (shape.max() != null && n > shape.max()) {
          errors.add(
              prefix(shape, v, path)
                  + "Member must have value less than or equal to "
                  + shape.max());
        }
      }
      default -> {
        // booleans, timestamps and blobs carry no constraints in the IAM and STS models
      }
    }
  }

  /**
   * A list of scalars with a bad item is one error at the list, naming every constraint of the item
   * shape and no value, as recorded from IAM (CreateOpenIDConnectProvider): {@code Value at
   * 'thumbprintList' failed to satisfy constraint: Member must satisfy constraint: [Member must
   * have length less than or equal to 40, Member must have length greater than or equal to 40]}.
   */
  private void scalarItems(String listName, Shape member, List<Object> items, String path) {
    int before = errors.size();
    for (int i = 0; i < items.size() && errors.size() == before; i++) {
      check(member, items.get(i), path + "." + (i + 1) + ".member");
    }
    if (errors.size() == before) {
      return;
    }
    errors.subList(before, errors.size()).clear();
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
    if (ITEMS_NOT_NULL.contains(listName)) {
      constraints.add("Member must not be null");
    }
    errors.add(
        "Value at '"
            + path
            + "' failed to satisfy constraint: Member must satisfy constraint: "
            + constraints);
  }

  private void length(Shape shape, long length, String shown, String path) {
    if (shape.min() != null && length < shape.min()) {
      errors.add(
          prefixShown(shown, path)
              + "Member must have length greater than or equal to "
              + shape.min());
    }
    if (shape.max() != null && length > shape.max()) {
      errors.add(
          prefixShown(shown, path)
              + "Member must have length less than or equal to "
              + shape.max());
    }
  }

  private String prefix(Shape shape, Object v, String path) {
    return prefixShown(display(shape, v), path);
  }

  private static String prefixShown(String shown, String path) {
    return shown == null
        ? "Value at '" + path + "' failed to satisfy constraint: "
        : "Value '" + shown + "' at '" + path + "' failed to satisfy constraint: ";
  }

  /**
   * The value as echoed, or null: IAM echoes none, and sensitive values (passwords, keys) are never
   * echoed.
   */
  private String display(Shape shape, Object v) {
    return !echoValues || shape.isSensitive() ? null : String.valueOf(v);
  }
}
