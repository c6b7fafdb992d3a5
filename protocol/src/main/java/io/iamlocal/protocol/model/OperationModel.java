package io.iamlocal.protocol.model;

import java.util.List;

/**
 * One operation of a service model: its input and output shapes and declared errors. The shapes are
 * looked up by name at the first call, so loading a model builds none of them.
 */
public final class OperationModel {
  private final ServiceModel service;
  private final String name;
  private final Http http;
  private final String inputName;
  private final String outputName;
  private final String resultWrapper;
  private final List<String> errorShapes;

  /**
   * Racy single-checks: each thread that finds one empty looks up the same {@link Shape} instance
   * (the model builds each once), whose fields are final, so no lock or {@code volatile} is needed.
   */
  private Shape input;

  private Shape output;

  OperationModel(
      ServiceModel service,
      String name,
      Http http,
      String inputName,
      String outputName,
      String resultWrapper,
      List<String> errorShapes) {
    this.service = service;
    this.name = name;
    this.http = http;
    this.inputName = inputName;
    this.outputName = outputName;
    this.resultWrapper = resultWrapper;
    this.errorShapes = errorShapes;
  }

  public ServiceModel service() {
    return service;
  }

  public String name() {
    return name;
  }

  public Http http() {
    return http;
  }

  /** The input shape, or null when the operation takes none. */
  public Shape input() {
    Shape shape = input;
    if (shape == null && inputName != null) {
      shape = service.shape(inputName);
      input = shape;
    }
    return shape;
  }

  /** The output shape, or null when the operation returns none. */
  public Shape output() {
    Shape shape = output;
    if (shape == null && outputName != null) {
      shape = service.shape(outputName);
      output = shape;
    }
    return shape;
  }

  public String resultWrapper() {
    return resultWrapper;
  }

  public List<String> errorShapes() {
    return errorShapes;
  }

  public boolean hasOutput() {
    return output() != null;
  }

  @Override
  public String toString() {
    return service.endpointPrefix() + ":" + name;
  }

  /** The REST binding: method and URI template ({@code /policy/generation/{jobId}}). */
  public record Http(String method, String requestUri) {}
}
