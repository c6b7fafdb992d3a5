package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operation name to handler and {@link OperationSpec}, per service, built once at start-up.
 * Registration checks every name against the model, so a misspelt operation fails start-up
 * instead of silently never matching; an operation AWS's authorization reference does not list
 * must declare its lock, so no call runs under a guessed one.
 */
public final class OperationRegistry {
  private final Map<String, ServiceModel> services = new HashMap<>();
  private final Map<String, Map<String, Registered>> handlers = new HashMap<>();
  private final AccessLevels accessLevels;

  /** AWS's access level of an action ({@code Read}, {@code List}, {@code Write}, …), or null when not listed. */
  @FunctionalInterface
  public interface AccessLevels {
    String of(String service, String action);
  }

  /** A handler with its operation's spec. */
  public record Registered(OperationHandler handler, OperationSpec spec) {}

  public OperationRegistry(AccessLevels accessLevels) {
    this.accessLevels = accessLevels;
  }

  public OperationRegistry addService(ServiceModel model) {
    services.put(model.endpointPrefix(), model);
    handlers.put(model.endpointPrefix(), new TreeMap<>());
    return this;
  }

  public ServiceModel service(String endpointPrefix) {
    return services.get(endpointPrefix);
  }

  public Map<String, ServiceModel> services() {
    return services;
  }

  /**
   * Registers the handler of {@code service:operation}, whose spec is the defaults drawn from
   * AWS's access level ({@link OperationSpec#defaults}) changed by {@code overrides}.
   */
  public void register(String service, String operation, OperationHandler handler, OperationSpec.Change... overrides) {
    ServiceModel model = services.get(service);
    if (model == null || model.operation(operation) == null) {
      throw new IllegalArgumentException("no operation " + service + ":" + operation + " in the models");
    }
    String accessLevel = accessLevels.of(service, operation);
    if (accessLevel == null && Arrays.stream(overrides).noneMatch(o -> o instanceof OperationSpec.LockChange)) {
      throw new IllegalArgumentException(service + ":" + operation
          + " is not in AWS's authorization reference: declare its lock (OperationSpec.lock) with the handler");
    }
    OperationSpec spec = OperationSpec.defaults(service, operation, accessLevel);
    for (OperationSpec.Change override : overrides) {
      spec = override.apply(spec);
    }
    if (handlers.get(service).putIfAbsent(operation, new Registered(handler, spec)) != null) {
      throw new IllegalStateException("operation registered twice: " + service + ":" + operation);
    }
  }

  /** Fails unless every operation of every model has a handler: a model change cannot leave one unserved unnoticed. */
  public OperationRegistry requireEveryOperation() {
    for (ServiceModel model : services.values()) {
      for (String operation : model.operations().keySet()) {
        if (!handlers.get(model.endpointPrefix()).containsKey(operation)) {
          throw new IllegalStateException("no handler for " + model.endpointPrefix() + ":" + operation);
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
  public java.util.Set<String> implemented(String service) {
    return handlers.getOrDefault(service, Map.of()).keySet();
  }
}
