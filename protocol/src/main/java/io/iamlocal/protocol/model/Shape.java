package io.iamlocal.protocol.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One shape of a botocore service model: its type, members and the constraints the wire validator
 * enforces. Cross references are resolved by name through the owning {@link ServiceModel}.
 */
public final class Shape {
  private final String name;
  private final ServiceModel model;

  /**
   * Where this shape's definition starts in the model's packed form; read at the first accessor
   * call, so a start builds none of the ~600 shapes and a run only those its requests touch.
   */
  private final int packedAt;

  /**
   * Racy single-check: two threads may both decode it; they build equal values and either may win.
   * Safe without a lock or {@code volatile}: every field of the record is final (JLS 17.5), so a
   * thread that sees the reference sees the whole definition.
   */
  private Definition definition;

  /** Compiled on first use, off the start-up path: most shapes are never validated in a run. */
  private volatile Pattern compiledPattern;

  private volatile boolean patternCompiled;

  Shape(ServiceModel model, String name, int packedAt) {
    this.model = model;
    this.name = name;
    this.packedAt = packedAt;
  }

  /**
   * What a shape declares: its type, members (member name to shape name, model order) and the
   * constraints the wire validator enforces. {@code locations} holds where REST protocols carry
   * members ({@code uri}, {@code querystring}, {@code header}); body members are absent.
   */
  record Definition(
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
      String timestampFormat) {}

  /** Where this shape's block starts in the model's packed form. */
  int packedAt() {
    return packedAt;
  }

  /** The definition, decoded from the packed model at the first call. */
  Definition definition() {
    Definition decoded = definition;
    if (decoded == null) {
      decoded = model.definitionAt(packedAt);
      definition = decoded;
    }
    return decoded;
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

  /** The service model this shape belongs to. */
  public ServiceModel service() {
    return model;
  }

  public String name() {
    return name;
  }

  public ShapeType type() {
    return definition().type();
  }

  /** Member names in model order. */
  public Set<String> memberNames() {
    return definition().members().keySet();
  }

  /** Whether the structure has this member (without resolving its shape). */
  public boolean hasMember(String memberName) {
    return definition().members().containsKey(memberName);
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
      Map<String, String> members = definition().members();
      List<Member> list = new java.util.ArrayList<>(members.size());
      for (Map.Entry<String, String> member : members.entrySet()) {
        list.add(new Member(member.getKey(), model.shape(member.getValue())));
      }
      resolved = java.util.Collections.unmodifiableList(list);
      membersWithShapes = resolved;
    }
    return resolved;
  }

  /**
   * What a response writer derives from this shape once and keeps with it (the XML writer's element
   * names as bytes), built by {@code derive} at the first call. One slot: a second kind of
   * derivation would replace the first at each switch, correct but slower.
   */
  private volatile Object derived;

  public <T> T derived(Class<T> type, Function<Shape, T> derive) {
    Object kept = derived;
    if (!type.isInstance(kept)) {
      kept = derive.apply(this);
      derived = kept;
    }
    return type.cast(kept);
  }

  public Shape member(String memberName) {
    String target = definition().members().get(memberName);
    return target == null ? null : model.shape(target);
  }

  public boolean isRequired(String memberName) {
    return definition().required().contains(memberName);
  }

  public Set<String> required() {
    return definition().required();
  }

  public Shape listMember() {
    return model.shape(definition().listMember());
  }

  public Shape mapKey() {
    return model.shape(definition().mapKey());
  }

  public Shape mapValue() {
    return model.shape(definition().mapValue());
  }

  public Long min() {
    return definition().min();
  }

  public Long max() {
    return definition().max();
  }

  public String pattern() {
    return definition().pattern();
  }

  public Pattern compiledPattern() {
    if (!patternCompiled) {
      compiledPattern = compile(definition().pattern());
      patternCompiled = true;
    }
    return compiledPattern;
  }

  public List<String> enumValues() {
    return definition().enumValues();
  }

  public ErrorInfo error() {
    return definition().error();
  }

  public boolean isSensitive() {
    return definition().sensitive();
  }

  /** Where a REST protocol carries {@code memberName}, or null when it travels in the body. */
  public MemberLocation location(String memberName) {
    return definition().locations().get(memberName);
  }

  /**
   * The shape's own {@code timestampFormat} ({@code iso8601}, {@code unixTimestamp}…), or null for
   * the protocol's default.
   */
  public String timestampFormat() {
    return definition().timestampFormat();
  }

  /** A member bound to the URI, query string or a header, under its wire name. */
  public record MemberLocation(String location, String name) {}

  /** The wire code, HTTP status and fault side of an exception shape. */
  public record ErrorInfo(String code, int httpStatus, boolean senderFault) {}
}
