package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Operation name to handler and {@link OperationSpec}, per service, built once at start-up.
 * Registration checks every name against the model, so a misspelt operation fails start-up instead
 * of silently never matching; an operation AWS's authorization reference does not list must declare
 * its lock, so no call runs under a guessed one. A family added with {@link #addFamily} registers
 * its handlers at the first use of one of its operations.
 */
public final class OperationRegistry {
  private final Map<String, ServiceModel> services;
  private final Map<String, Map<String, Registered>> handlers;
  private final Reference reference;
  private final boolean specsAtFirstUse;

  /** The family whose registrations this registry collects ({@link #addFamily}), or null. */
  private final FamilyLink collecting;

  /**
   * Whether every handler is linked at start rather than at its family's first call ({@code
   * -Diamlocal.operations.linkAtStart=true}): the CDS training's server, so that the archive holds
   * every handler's lambda class and a first call only links it.
   */
  public static boolean linkAtStart() {
    return Boolean.getBoolean("iamlocal.operations.linkAtStart");
  }

  /** AWS's Service Authorization Reference entry of an action, or null when it is not listed. */
  @FunctionalInterface
  public interface Reference {
    ReferenceAction of(String service, String action);
  }

  /**
   * What the reference says of an action: its access level ({@code Read}, {@code List}, {@code
   * Write}, …) and the resource types it can be scoped to, all and required ones.
   */
  public record ReferenceAction(
      String accessLevel, List<String> resourceTypes, List<String> requiredResourceTypes) {}

  /**
   * A handler with its operation's spec. The spec is drawn when registered, or at its first use by
   * a registry made with {@link #specsAtFirstUse}. The operation of a family added with {@link
   * #addFamily} gets its handler when the family registers, at the first use of one of its
   * operations; afterwards a use costs one volatile read more than a final field's.
   */
  public static final class Registered {
    private final FamilyLink family;
    private volatile OperationHandler handler;
    private Supplier<OperationSpec> drawing;
    private volatile OperationSpec spec;

    Registered(OperationHandler handler, Supplier<OperationSpec> drawing) {
      this.family = null;
      this.drawing = drawing;
      this.handler = Objects.requireNonNull(handler);
    }

    /** An operation of {@code family}, which has not registered yet. */
    Registered(FamilyLink family) {
      this.family = family;
    }

    /** Called once, under the family's lock; the volatile write publishes {@code drawing}. */
    void bind(OperationHandler handler, Supplier<OperationSpec> drawing) {
      this.drawing = drawing;
      this.handler = handler;
    }

    public OperationHandler handler() {
      OperationHandler bound = handler;
      if (bound == null) {
        family.link();
        bound = handler;
      }
      return bound;
    }

    public OperationSpec spec() {
      OperationSpec drawn = spec;
      if (drawn == null) {
        if (handler == null) {
          family.link();
        }
        synchronized (this) {
          drawn = spec;
          if (drawn == null) {
            drawn = drawing.get();
            spec = drawn;
            drawing = null;
          }
        }
      }
      return drawn;
    }
  }

  /** A registry that checks each operation's spec as it is registered: a wrong one fails there. */
  public OperationRegistry(Reference reference) {
    this(reference, false);
  }

  private OperationRegistry(Reference reference, boolean specsAtFirstUse) {
    this.services = new HashMap<>();
    this.handlers = new HashMap<>();
    this.reference = reference;
    this.specsAtFirstUse = specsAtFirstUse;
    this.collecting = null;
  }

  /** A view of {@code registry} whose {@link #register} collects {@code family}'s handlers. */
  private OperationRegistry(OperationRegistry registry, FamilyLink family) {
    this.services = registry.services;
    this.handlers = registry.handlers;
    this.reference = registry.reference;
    this.specsAtFirstUse = registry.specsAtFirstUse;
    this.collecting = family;
  }

  /**
   * A registry that draws each operation's spec from the reference at the operation's first call,
   * not at start-up: a server starts without looking up the ~190 operations it may never serve.
   * Registration still fails on an operation the models lack; the specs of the served catalog are
   * checked by its tests with an eagerly checking registry.
   */
  public static OperationRegistry specsAtFirstUse(Reference reference) {
    return new OperationRegistry(reference, true);
  }

  public OperationRegistry addService(ServiceModel model) {
    services.put(model.endpointPrefix(), model);
    handlers.put(model.endpointPrefix(), new HashMap<>());
    return this;
  }

  public ServiceModel service(String endpointPrefix) {
    return services.get(endpointPrefix);
  }

  public Map<String, ServiceModel> services() {
    return services;
  }

  /**
   * Registers the handler of {@code service:operation}, whose spec is the defaults drawn from AWS's
   * reference ({@link OperationSpec#defaults}, {@link DefaultResources}) changed by {@code
   * overrides}. Fails when the reference does not give a lock or a resource and no override
   * declares it, when a resource override repeats the default, or names a member the input lacks.
   */
  public void register(
      String service,
      String operation,
      OperationHandler handler,
      OperationSpec.Change... overrides) {
    OperationModel op = modelled(service, operation);
    Supplier<OperationSpec> drawing = () -> drawSpec(service, operation, op, overrides);
    if (collecting != null) {
      collecting.collect(service, operation, handler, drawing);
      return;
    }
    Registered registered = new Registered(handler, drawing);
    if (!specsAtFirstUse) {
      registered.spec();
    }
    serve(service, operation, registered);
  }

  /**
   * Serves the operations of the family {@code name}, {@code service:operation} each, made by
   * {@code family} and registered at the first use of any of them (the handlers' method references
   * are linked then, not at start-up): the family must register exactly these, which the build's
   * operation index lists.
   */
  public void addFamily(String name, Supplier<Operations> family, List<String> operations) {
    FamilyLink link = new FamilyLink(name, family, this, !specsAtFirstUse);
    for (String action : operations) {
      int colon = action.indexOf(':');
      String service = action.substring(0, colon);
      String operation = action.substring(colon + 1);
      modelled(service, operation);
      Registered registered = new Registered(link);
      serve(service, operation, registered);
      link.expect(action, registered);
    }
  }

  private void serve(String service, String operation, Registered registered) {
    if (handlers.get(service).putIfAbsent(operation, registered) != null) {
      throw new IllegalStateException("operation registered twice: " + service + ":" + operation);
    }
  }

  /** The registry {@code family} registers into when it links. */
  OperationRegistry collectingFor(FamilyLink family) {
    return new OperationRegistry(this, family);
  }

  private OperationModel modelled(String service, String operation) {
    ServiceModel model = services.get(service);
    OperationModel op = model == null ? null : model.operation(operation);
    if (op == null) {
      throw new IllegalArgumentException(
          "no operation " + service + ":" + operation + " in the models");
    }
    return op;
  }

  /**
   * The spec of {@code service:operation}: the defaults drawn from AWS's reference changed by the
   * handler's overrides, checked to fail closed.
   */
  private OperationSpec drawSpec(
      String service, String operation, OperationModel op, OperationSpec.Change[] overrides) {
    ReferenceAction listed = reference.of(service, operation);
    if (listed == null
        && Arrays.stream(overrides).noneMatch(o -> o instanceof OperationSpec.LockChange)) {
      throw new IllegalArgumentException(
          service
              + ":"
              + operation
              + " is not in AWS's authorization reference: declare its lock (OperationSpec.lock) with the handler");
    }
    Set<String> inputMembers = op.input() == null ? Set.of() : Set.copyOf(op.input().memberNames());
    OperationSpec.Resource defaultResource =
        listed == null ? null : DefaultResources.of(listed, inputMembers);
    OperationSpec spec =
        OperationSpec.defaults(
            service, operation, listed == null ? null : listed.accessLevel(), defaultResource);
    for (OperationSpec.Change override : overrides) {
      if (override instanceof OperationSpec.ResourceChange changed
          && defaultResource != null
          && changed.form() == defaultResource.form()
          && Objects.equals(changed.member(), defaultResource.member())) {
        throw new IllegalArgumentException(
            service
                + ":"
                + operation
                + " declares the resource AWS's reference already gives: drop it");
      }
      spec = override.apply(spec);
    }
    requireResource(spec, inputMembers);
    return spec;
  }

  /** Fails closed: every spec names its resource, built from a member its input has. */
  private static void requireResource(OperationSpec spec, Set<String> inputMembers) {
    OperationSpec.Resource resource = spec.resource();
    if (resource == null) {
      throw new IllegalArgumentException(
          spec.action()
              + ": AWS's reference gives no resource the input names: declare it (OperationSpec.resource) with the handler");
    }
    if (resource.member() != null
        && resource.form().readsInput()
        && !inputMembers.contains(resource.member())) {
      throw new IllegalArgumentException(
          spec.action() + ": its input has no member " + resource.member());
    }
  }

  /**
   * Fails unless every operation of every model has a handler: a model change cannot leave one
   * unserved unnoticed.
   */
  public OperationRegistry requireEveryOperation() {
    for (ServiceModel model : services.values()) {
      for (String operation : model.operations().keySet()) {
        if (!handlers.get(model.endpointPrefix()).containsKey(operation)) {
          throw new IllegalStateException(
              "no handler for " + model.endpointPrefix() + ":" + operation);
        }
      }
    }
    return this;
  }

  public Registered handler(String service, String operation) {
    Map<String, Registered> byName = handlers.get(service);
    return byName == null ? null : byName.get(operation);
  }

  /** The spec of {@code service:operation}, or null when it is not served. */
  public OperationSpec spec(String service, String operation) {
    Registered registered = handler(service, operation);
    return registered == null ? null : registered.spec();
  }

  public OperationModel operation(String service, String operation) {
    ServiceModel model = services.get(service);
    return model == null ? null : model.operation(operation);
  }

  /** Implemented operation names of a service, sorted. */
  public SortedSet<String> implemented(String service) {
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(handlers.getOrDefault(service, Map.of()).keySet()));
  }
}
