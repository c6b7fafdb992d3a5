package io.iamlocal.server;

import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.server.jsonapi.JsonService;
import io.iamlocal.server.trail.LookupEvents;
import io.iamlocal.server.trail.Trail;
import java.util.Map;

/** The JSON-protocol services a server answers, by signing name: CloudTrail's event history. */
final class JsonServices {
  private JsonServices() {}

  static Map<String, JsonService> of(Trail trail) {
    return Map.of("cloudtrail", new JsonService(Models.CLOUDTRAIL, "cloudtrail", Map.of("LookupEvents", new LookupEvents(trail))));
  }

  /** Loaded on first use only, once per JVM. */
  private static final class Models {
    static final ServiceModel CLOUDTRAIL = ServiceModel.load("cloudtrail-2013-11-01");
  }
}
