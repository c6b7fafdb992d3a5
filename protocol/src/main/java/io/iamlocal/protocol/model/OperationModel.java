package io.iamlocal.protocol.model;

import java.util.List;

/** One operation of a service model: its input and output shapes and declared errors. */
public record OperationModel(
    ServiceModel service,
    String name,
    Shape input,
    Shape output,
    String resultWrapper,
    List<String> errorShapes) {

  public boolean hasOutput() {
    return output != null;
  }
}
