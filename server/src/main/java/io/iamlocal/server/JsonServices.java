package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.analyzer.PolicyGenerationOperations;
import io.iamlocal.server.jsonapi.JsonService;
import io.iamlocal.server.trail.LookupEvents;
import io.iamlocal.server.trail.Trail;
import java.util.Map;

/**
 * The JSON-protocol services a server answers, by signing name: CloudTrail's event history and IAM
 * Access Analyzer's policy generation, both over the server's trail.
 */
final class JsonServices {
  private JsonServices() {}

  static Map<String, JsonService> of(Trail trail) {
    return Map.of(
        "cloudtrail",
            new JsonService(
                () -> Models.CLOUDTRAIL,
                "cloudtrail",
                Map.of("LookupEvents", new LookupEvents(trail))),
        "access-analyzer",
            new JsonService(
                () -> Models.ACCESS_ANALYZER,
                "access-analyzer",
                new PolicyGenerationOperations(trail).handlers()));
  }

  /** Loaded at the first request to either service, once per JVM. */
  private static final class Models {
    static final ServiceModel CLOUDTRAIL = ServiceModel.load("cloudtrail-2013-11-01");
    static final ServiceModel ACCESS_ANALYZER = ServiceModel.load("accessanalyzer-2019-11-01");
  }
}
