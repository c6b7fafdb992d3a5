package io.iamlocal.server.analyzer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.iamlocal.server.trail.TrailEvent;
import java.util.List;
import java.util.Set;

/**
 * A generated least-privilege policy: the document, each statement with the trail events it came
 * from, notes on what was collapsed into patterns, and the events used (oldest first).
 */
public record GeneratedPolicy(
    String principalArn,
    ObjectNode document,
    List<Statement> statements,
    List<String> notes,
    List<TrailEvent> events) {

  /** One statement's actions and resources, and the IDs of the events that needed them. */
  public record Statement(List<String> actions, List<String> resources, Set<String> eventIds) {}

  /** The policy document as compact JSON, as Access Analyzer returns it. */
  public String json() {
    return document.toString();
  }
}
