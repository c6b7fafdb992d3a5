package io.iamlocal.server.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The operations of one family added by {@link OperationRegistry#addFamily}, bound to their
 * handlers when the family registers, at the first use of any of them: a start links none of the
 * ~300 method references of the handlers, and a family costs its linking once, on its first call.
 */
final class FamilyLink {
  private final String name;
  private final Supplier<Operations> family;
  private final OperationRegistry registry;
  private final boolean drawSpecs;

  /** {@code service:operation} to its not yet bound registration, as the index lists them. */
  private final Map<String, OperationRegistry.Registered> expected = new LinkedHashMap<>();

  /** What the family registers while it links; null otherwise. Guarded by {@code this}. */
  private Map<String, Collected> collected;

  /** Guarded by {@code this}. */
  private boolean linked;

  private record Collected(OperationHandler handler, Supplier<OperationSpec> drawing) {}

  FamilyLink(
      String name, Supplier<Operations> family, OperationRegistry registry, boolean drawSpecs) {
    this.name = name;
    this.family = family;
    this.registry = registry;
    this.drawSpecs = drawSpecs;
  }

  void expect(String action, OperationRegistry.Registered registered) {
    expected.put(action, registered);
  }

  /**
   * Registers the family once, whichever thread gets here first; the others wait for it. Its
   * registrations must be exactly the expected ones, or none is bound.
   */
  synchronized void link() {
    if (linked) {
      return;
    }
    collected = new LinkedHashMap<>();
    try {
      family.get().register(registry.collectingFor(this));
      if (!collected.keySet().equals(expected.keySet())) {
        throw new IllegalStateException(
            name
                + " registers "
                + collected.keySet()
                + " but the operation index lists "
                + expected.keySet()
                + ": rebuild (the build writes the index)");
      }
      if (drawSpecs) {
        for (Collected c : collected.values()) {
          c.drawing().get(); // a wrong declaration fails here, before anything is bound
        }
      }
      for (Map.Entry<String, OperationRegistry.Registered> e : expected.entrySet()) {
        Collected c = collected.get(e.getKey());
        e.getValue().bind(c.handler(), c.drawing());
      }
      linked = true;
    } finally {
      collected = null;
    }
  }

  /** A registration made by the family while it links. */
  void collect(
      String service, String operation, OperationHandler handler, Supplier<OperationSpec> drawing) {
    String action = service + ":" + operation;
    if (collected == null) {
      throw new IllegalStateException(name + " registers " + action + " after it has linked");
    }
    if (collected.putIfAbsent(action, new Collected(Objects.requireNonNull(handler), drawing))
        != null) {
      throw new IllegalStateException("operation registered twice: " + action);
    }
  }
}
