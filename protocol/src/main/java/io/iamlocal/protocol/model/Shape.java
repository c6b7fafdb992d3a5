package io.iamlocal.protocol.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One shape of a botocore service model: its type, members and the constraints the wire validator
 * enforces. Cross references are resolved by name through the owning {@link ServiceModel}.
 */
public final class Shape {
  private final String name;
  private final ShapeType type;
  private final Map<String, String> members; // member name -> shape name, model order
  private final Set<String> required;
  private final String listMember;
  private final String mapKey;
  private final String mapValue;
  private final Long min;
  private final Long max;
  private final String pattern;

  /** Compiled on first use, off the start-up path: most shapes are never validated in a run. */
  private volatile Pattern compiledPattern;

  private volatile boolean patternCompiled;
  private final List<String> enumValues;
  private final ErrorInfo error;
  private final boolean sensitive;

  /**
   * Where REST protocols carry members ({@code uri}, {@code querystring}, {@code header}); body
   * members are absent.
   */
  private final Map<String, MemberLocation> locations;

  private final String timestampFormat;
  private ServiceModel model;

  Shape(
      String name,
      ShapeType type,
      Map<String, String> members,
      Set<String> required,
      String listMember,
      String mapKey,
      String mapValue,
      Long min,
      Long max,
      String pattern,
      List<String> enumValues,
      ErrorInfo error,
      boolean sensitive,
      Map<String, MemberLocation> locations,
      String timestampFormat) {
    this.name = name;
    this.type = type;
    this.members = members;
    this.required = required;
    this.listMember = listMember;
    this.mapKey = mapKey;
    this.mapValue = mapValue;
    this.min = min;
    this.max = max;
    this.pattern = pattern;
    this.enumValues = enumValues;
    this.error = error;
    this.sensitive = sensitive;
    this.locations = locations;
    this.timestampFormat = timestampFormat;
  }

  /** Botocore patterns are written for whole-value matching but some use syntax Java lacks. */
  private static Pattern compile(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern, Pattern.DOTALL);
    } catch (RuntimeException unsupported) {
      return null;
    }
  }

  void attach(ServiceModel owner) {
    this.model = owner;
  }

  /** The service model this shape belongs to. */
  public ServiceModel service() {
    return model;
  }

  public String name() {
    return name;
  }

  public ShapeType type() {
    return type;
  }

  /** Member names in model order. */
  public Set<String> memberNames() {
    return members.keySet();
  }

  /** Whether the structure has this member (without resolving its shape). */
  public boolean hasMember(String memberName) {
    return members.containsKey(memberName);
  }

  /** A structure member with its shape. */
  public record Member(String name, Shape shape) {}

  private volatile List<Member> membersWithShapes;

  /**
   * The structure's members in model order with their shapes, resolved on first use (the XML writer
   * walks them for every response; two map lookups per member otherwise).
   */
  public List<Member> membersWithShapes() {
    List<Member> resolved = membersWithShapes;
    if (resolved == null) {
      List<Member> list = new java.util.ArrayList<>(members.size());
      for (Map.Entry<String, String> member : members.entrySet()) {
        list.add(new Member(member.getKey(), model.shape(member.getValue())));
      }
      resolved = java.util.Collections.unmodifiableList(list);
      membersWithShapes = resolved;
    }
    return resolved;
  }

  public Shape member(String memberName) {
    String target = members.get(memberName);
    return target == null ? null : model.shape(target);
  }

  public boolean isRequired(String memberName) {
    return required.contains(memberName);
  }

  public Set<String> required() {
    return required;
  }

  public Shape listMember() {
    return model.shape(listMember);
  }

  public Shape mapKey() {
    return model.shape(mapKey);
  }

  public Shape mapValue() {
    return model.shape(mapValue);
  }

  public Long min() {
    return min;
  }

  public Long max() {
    return max;
  }

  public String pattern() {
    return pattern;
  }

  public Pattern compiledPattern() {
    if (!patternCompiled) {
      compiledPattern = compile(pattern);
      patternCompiled = true;
    }
    return compiledPattern;
  }

  public List<String> enumValues() {
    return enumValues;
  }

  public ErrorInfo error() {
    return error;
  }

  public boolean isSensitive() {
    return sensitive;
  }

  /** Where a REST protocol carries {@code memberName}, or null when it travels in the body. */
  public MemberLocation location(String memberName) {
    return locations.get(memberName);
  }

  /**
   * The shape's own {@code timestampFormat} ({@code iso8601}, {@code unixTimestamp}…), or null for
   * the protocol's default.
   */
  public String timestampFormat() {
    return timestampFormat;
  }

  /** A member bound to the URI, query string or a header, under its wire name. */
  public record MemberLocation(String location, String name) {}

  /** The wire code, HTTP status and fault side of an exception shape. */
  public record ErrorInfo(String code, int httpStatus, boolean senderFault) {}
}
