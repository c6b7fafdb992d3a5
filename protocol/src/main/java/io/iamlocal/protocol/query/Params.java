package io.iamlocal.protocol.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded, validated Query input structure, read by member name with AWS's own spelling
 * ({@code UserName}, {@code Tags}). Absent members read as {@code null}.
 */
public final class Params {
  public static final Params EMPTY = new Params(Map.of());
  private final Map<String, Object> values;

  public Params(Map<String, Object> values) {
    this.values = values;
  }

  public boolean has(String member) {
    return values.get(member) != null;
  }

  public String string(String member) {
    Object v = values.get(member);
    return v == null ? null : v.toString();
  }

  public String string(String member, String fallback) {
    String v = string(member);
    return v == null ? fallback : v;
  }

  public Integer integer(String member) {
    Object v = values.get(member);
    return v == null ? null : ((Number) v).intValue();
  }

  public int integer(String member, int fallback) {
    Integer v = integer(member);
    return v == null ? fallback : v;
  }

  public Boolean bool(String member) {
    return (Boolean) values.get(member);
  }

  public boolean bool(String member, boolean fallback) {
    Boolean v = bool(member);
    return v == null ? fallback : v;
  }

  public Instant timestamp(String member) {
    return (Instant) values.get(member);
  }

  public byte[] blob(String member) {
    return (byte[]) values.get(member);
  }

  /** A list of scalars, as strings; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<String> strings(String member) {
    Object v = values.get(member);
    if (v == null) {
      return List.of();
    }
    return ((List<Object>) v).stream().map(String::valueOf).toList();
  }

  /** A list of structures; empty when absent. */
  @SuppressWarnings("unchecked")
  public List<Params> structs(String member) {
    Object v = values.get(member);
    if (v == null) {
      return List.of();
    }
    return ((List<Object>) v).stream().map(o -> new Params((Map<String, Object>) o)).toList();
  }

  @SuppressWarnings("unchecked")
  public Params struct(String member) {
    Object v = values.get(member);
    return v == null ? null : new Params((Map<String, Object>) v);
  }

  /** A map of scalars; empty when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, String> stringMap(String member) {
    Object v = values.get(member);
    if (v == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    ((Map<String, Object>) v).forEach((k, val) -> out.put(k, String.valueOf(val)));
    return out;
  }

  public Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
