package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operation name to handler, per service, built once at start-up. Registration checks every name
 * against the model, so a misspelt operation fails start-up instead of silently never matching.
 */
public final class OperationRegistry {
  private final Map<String, ServiceModel> services = new HashMap<>();
  private final Map<String, Map<String, Registered>> handlers = new HashMap<>();

  /** A handler plus whether it only reads state (it may then share the account lock). */
  public record Registered(OperationHandler handler, boolean readOnly) {}

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

  /** Registers a handler; operations named Get*, List* and Simulate* are read-only. */
  public void register(String service, String operation, OperationHandler handler) {
    ServiceModel model = services.get(service);
    if (model == null || model.operation(operation) == null) {
      throw new IllegalArgumentException("no operation " + service + ":" + operation + " in the models");
    }
    boolean readOnly = operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Simulate");
    if (handlers.get(service).putIfAbsent(operation, new Registered(handler, readOnly)) != null) {
      throw new IllegalStateException("operation registered twice: " + service + ":" + operation);
    }
  }

  public Registered handler(String service, String operation) {
    Map<String, Registered> byName = handlers.get(service);
    return byName == null ? null : byName.get(operation);
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
