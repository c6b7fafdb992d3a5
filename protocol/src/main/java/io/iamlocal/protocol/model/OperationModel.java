package io.iamlocal.protocol.model;

import java.util.List;

/** One operation of a service model: its input and output shapes and declared errors. */
public record OperationModel(
    ServiceModel service,
    String name,
    Http http,
    Shape input,
    Shape output,
    String resultWrapper,
    List<String> errorShapes) {

  public boolean hasOutput() {
    return output != null;
  }

  /** The REST binding: method and URI template ({@code /policy/generation/{jobId}}). */
  public record Http(String method, String requestUri) {}
}
