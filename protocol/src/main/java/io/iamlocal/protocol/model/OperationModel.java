package io.iamlocal.protocol.model;

import java.util.List;

/**
 * One operation of a service model: its input and output shapes and declared errors. The shapes are
 * looked up by name at the first call, so loading a model builds none of them.
 */
public final class OperationModel {
  private final ServiceModel service;

  /** Where this operation's definition starts in the model's packed form. */
  private final int packedAt;

  /**
   * Racy single-checks, as {@link Shape}'s definition: a definition is immutable (final fields),
   * and each thread that finds a shape empty looks up the same {@link Shape} instance (the model
   * builds each once), so no lock or {@code volatile} is needed.
   */
  private Definition definition;

  private Shape input;

  private Shape output;

  OperationModel(ServiceModel service, int packedAt) {
    this.service = service;
    this.packedAt = packedAt;
  }

  /** What an operation declares, decoded at its first use. */
  record Definition(
      String name,
      Http http,
      String inputName,
      String outputName,
      String resultWrapper,
      List<String> errorShapes) {}

  /** Where this operation's block starts in the model's packed form. */
  int packedAt() {
    return packedAt;
  }

  Definition definition() {
    Definition decoded = definition;
    if (decoded == null) {
      decoded = service.operationAt(packedAt);
      definition = decoded;
    }
    return decoded;
  }

  public ServiceModel service() {
    return service;
  }

  public String name() {
    return definition().name();
  }

  public Http http() {
    return definition().http();
  }

  /** The input shape, or null when the operation takes none. */
  public Shape input() {
    Shape shape = input;
    if (shape == null) {
      shape = service.shape(definition().inputName());
      input = shape;
    }
    return shape;
  }

  /** The output shape, or null when the operation returns none. */
  public Shape output() {
    Shape shape = output;
    if (shape == null) {
      shape = service.shape(definition().outputName());
      output = shape;
    }
    return shape;
  }

  public String resultWrapper() {
    return definition().resultWrapper();
  }

  public List<String> errorShapes() {
    return definition().errorShapes();
  }

  public boolean hasOutput() {
    return output() != null;
  }

  @Override
  public String toString() {
    return service.endpointPrefix() + ":" + name();
  }

  /** The REST binding: method and URI template ({@code /policy/generation/{jobId}}). */
  public record Http(String method, String requestUri) {}
}
