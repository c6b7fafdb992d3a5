package io.iamlocal.server.dispatch;

import java.util.LinkedHashMap;

/** An output structure under construction; {@link #with} skips nulls so optional members vanish. */
public final class Struct extends LinkedHashMap<String, Object> {

  public static Struct of(String member, Object value) {
    return new Struct().with(member, value);
  }

  public Struct with(String member, Object value) {
    if (value != null) {
      put(member, value);
    }
    return this;
  }
}
