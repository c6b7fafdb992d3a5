package io.iamlocal.server.jsonapi;

import java.util.Map;

/**
 * Handles one JSON-protocol operation: returns the output members (null: none); throws {@code
 * JsonError}.
 */
@FunctionalInterface
public interface JsonOperation {
  Map<String, ?> handle(JsonCall call);
}
