package io.iamlocal.protocol.query;

import io.iamlocal.protocol.model.Shape;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded, validated input structure, read by member name with AWS's own spelling ({@code
 * UserName}, {@code Tags}). Absent members read as {@code null}. Decoded inputs know their shape:
 * reading a member the shape lacks (a misspelt name, or one of another operation) throws {@link
 * UnknownMemberException}, a programming error, instead of reading as absent.
 */
public final class Params {
  /** The input of an operation that takes none: every name is unknown. */
  public static final Params NO_INPUT = new Params(Map.of(), null, true);

  private static final ThreadLocal<Params[]> LAST_NONE =
      ThreadLocal.withInitial(() -> new Params[1]);
  private final Map<String, Object> values;
  private final Shape shape;
  private final boolean typed;

  /** Values without a shape: any name reads. */
  public Params(Map<String, Object> values) {
    this(values, null, false);
  }

  private Params(Map<String, Object> values, Shape shape, boolean typed) {
    this.values = values;
    this.shape = shape;
    this.typed = typed;
  }

  /**
   * No member given for structure {@code shape} (GetUser of the caller, ListUsers): the previous
   * such input of the thread when it was for the same shape, so that repeated calls share one (the
   * trail's retained events keep it with their condition-key recipes).
   */
  public static Params none(Shape shape) {
    Params[] last = LAST_NONE.get();
    Params previous = last[0];
    if (previous != null && previous.shape == shape) {
      return previous;
    }
    last[0] = new Params(Map.of(), shape, true);
    return last[0];
  }

  /** Values decoded for structure {@code shape}: only its members may be read. */
  public static Params of(Shape shape, Map<String, Object> values) {
    return new Params(values, shape, true);
  }

  /**
   * Whether the input has a value for {@code member}, asked by code that serves every operation
   * (the authorizer): false, not an error, when the operation has no such member.
   */
  public boolean carries(String member) {
    return (!typed || (shape != null && shape.hasMember(member))) && values.get(member) != null;
  }

  public boolean has(String member) {
    return get(member) != null;
  }

  /** The value of {@code member}; refuses a name the shape lacks. */
  private Object get(String member) {
    if (typed && (shape == null || !shape.hasMember(member))) {
      throw new UnknownMemberException(shape == null ? "(no input)" : shape.name(), member);
    }
    return values.get(member);
  }

  public String string(String member) {
    Object v = get(member);
    return v == null ? null : v.toString();
  }

  public String string(String member, String fallback) {
    String v = string(member);
    return v == null ? fallback : v;
  }

  public Integer integer(String member) {
    Object v = get(member);
    return v == null ? null : ((Number) v).intValue();
  }

  public int integer(String member, int fallback) {
    Integer v = integer(member);
    return v == null ? fallback : v;
  }

  public Boolean bool(String member) {
    return (Boolean) get(member);
  }

  public boolean bool(String member, boolean fallback) {
    Boolean v = bool(member);
    return v == null ? fallback : v;
  }

  public Instant timestamp(String member) {
    return (Instant) get(member);
  }

  public byte[] blob(String member) {
    return (byte[]) get(member);
  }

  /** A list of scalars, as strings; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<String> strings(String member) {
    Object v = get(member);
    if (v == null) {
      return List.of();
    }
    return ((List<Object>) v).stream().map(String::valueOf).toList();
  }

  /** A list of structures; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<Params> structs(String member) {
    Object v = get(member);
    if (v == null) {
      return List.of();
    }
    Shape element = typed ? shape.member(member).listMember() : null;
    return ((List<Object>) v)
        .stream().map(o -> new Params((Map<String, Object>) o, element, typed)).toList();
  }

  @SuppressWarnings("unchecked")
  public Params struct(String member) {
    Object v = get(member);
    return v == null
        ? null
        : new Params((Map<String, Object>) v, typed ? shape.member(member) : null, typed);
  }

  /** A map of scalars; empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, String> stringMap(String member) {
    Object v = get(member);
    if (v == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<String, Object>) v).forEach((k, val) -> out.put(k, String.valueOf(val)));
    return out;
  }

  public Map<String, Object> asMap() {
    return values.isEmpty() ? Map.of() : Collections.unmodifiableMap(values);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
