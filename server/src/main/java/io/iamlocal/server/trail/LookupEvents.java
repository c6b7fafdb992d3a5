package io.iamlocal.server.trail;

import io.iamlocal.protocol.json.JsonError;
import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.jsonapi.JsonCall;
import io.iamlocal.server.jsonapi.JsonOperation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CloudTrail's LookupEvents over the in-memory trail: management events (event history leaves S3
 * data events out), newest first, filtered by at most one lookup attribute and a time range, {@code
 * MaxResults} (default 50) per page with an opaque {@code NextToken}.
 */
public final class LookupEvents implements JsonOperation {
  private static final int DEFAULT_PAGE = 50;
  private final Trail trail;

  public LookupEvents(Trail trail) {
    this.trail = trail;
  }

  @Override
  public Map<String, ?> handle(JsonCall call) {
    Params params = call.params();
    if ("insight".equals(params.string("EventCategory"))) {
      return Map.of(
          "Events", List.of()); // Insights are not analysed here: there are never insight events
    }
    Predicate<TrailEvent> matches = attributeFilter(params.structs("LookupAttributes"));
    Instant start = params.timestamp("StartTime");
    Instant end = params.timestamp("EndTime");
    if (start != null && end != null && start.isAfter(end)) {
      throw JsonError.badRequest(
          "InvalidTimeRangeException", "Start time must be before end time.");
    }
    long from = start == null ? Long.MIN_VALUE : start.toEpochMilli();
    long to = end == null ? Long.MAX_VALUE : end.toEpochMilli();
    List<TrailEvent> events = new ArrayList<>();
    for (TrailEvent event : trail.newestFirst(call.account())) {
      if (event.managementEvent()
          && event.epochMillis() >= from
          && event.epochMillis() <= to
          && matches.test(event)) {
        events.add(event);
      }
    }
    int first = 0;
    String token = params.string("NextToken");
    if (token != null) {
      first = position(events, token);
    }
    int size = params.integer("MaxResults", DEFAULT_PAGE);
    int last = Math.min(events.size(), first + size);
    List<Map<String, Object>> page = new ArrayList<>(last - first);
    for (TrailEvent event : events.subList(first, last)) {
      page.add(describe(event));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("Events", page);
    if (last < events.size()) {
      out.put(
          "NextToken",
          Base64.getUrlEncoder()
              .encodeToString(events.get(last).eventId().getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static int position(List<TrailEvent> events, String token) {
    String eventId;
    try {
      eventId = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw JsonError.badRequest("InvalidNextTokenException", "Invalid NextToken");
    }
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId().equals(eventId)) {
        return i;
      }
    }
    throw JsonError.badRequest("InvalidNextTokenException", "Invalid NextToken");
  }

  private static Predicate<TrailEvent> attributeFilter(List<Params> attributes) {
    if (attributes.isEmpty()) {
      return e -> true;
    }
    if (attributes.size() > 1) {
      throw JsonError.badRequest(
          "InvalidLookupAttributesException", "You can only specify one lookup attribute.");
    }
    String value = attributes.get(0).string("AttributeValue");
    return switch (attributes.get(0).string("AttributeKey")) {
      case "EventId" -> e -> e.eventId().equals(value);
      case "EventName" -> e -> e.eventName().equals(value);
      case "ReadOnly" -> e -> Boolean.toString(e.readOnly()).equals(value);
      case "Username" -> e -> value.equals(e.username());
      case "EventSource" -> e -> e.eventSource().equals(value);
      case "AccessKeyId" -> e -> e.caller() != null && value.equals(e.caller().accessKeyId());
      case "ResourceType" -> e -> e.resources().stream().anyMatch(r -> r[0].equals(value));
      case "ResourceName" -> e -> e.resources().stream().anyMatch(r -> r[1].equals(value));
      default ->
          throw JsonError.badRequest(
              "InvalidLookupAttributesException", "Invalid lookup attribute key.");
    };
  }

  private static Map<String, Object> describe(TrailEvent event) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("EventId", event.eventId());
    out.put("EventName", event.eventName());
    out.put("ReadOnly", Boolean.toString(event.readOnly()));
    if (event.caller() != null && event.caller().accessKeyId() != null) {
      out.put("AccessKeyId", event.caller().accessKeyId());
    }
    out.put("EventTime", Instant.ofEpochSecond(event.epochMillis() / 1000));
    out.put("EventSource", event.eventSource());
    if (event.username() != null) {
      out.put("Username", event.username());
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (String[] r : event.resources()) {
      resources.add(Map.of("ResourceType", r[0], "ResourceName", r[1]));
    }
    out.put("Resources", resources);
    out.put("CloudTrailEvent", event.json());
    return out;
  }
}
