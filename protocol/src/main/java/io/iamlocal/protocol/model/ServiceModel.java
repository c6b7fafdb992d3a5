package io.iamlocal.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A botocore service model (IAM or STS) loaded from the JSON vendored in this module's
 * resources. It is the single source of truth for operation names, members and constraints.
 */
public final class ServiceModel {
  private final String serviceId;
  private final String endpointPrefix;
  private final String apiVersion;
  private final String xmlNamespace;
  private final String protocol;
  private final String targetPrefix;
  private final Map<String, Shape> shapes;
  private final Map<String, OperationModel> operations;
  private final Map<String, Paginator> paginators;

  private ServiceModel(JsonNode root, JsonNode paginatorRoot) {
    JsonNode meta = root.path("metadata");
    this.serviceId = meta.path("serviceId").asText();
    this.endpointPrefix = meta.path("endpointPrefix").asText();
    this.apiVersion = meta.path("apiVersion").asText();
    this.xmlNamespace = meta.path("xmlNamespace").asText();
    this.protocol = meta.path("protocol").asText();
    this.targetPrefix = meta.path("targetPrefix").asText(null);
    Map<String, Shape> shapeMap = new HashMap<>();
    root.path("shapes").fields().forEachRemaining(e -> shapeMap.put(e.getKey(), readShape(e.getKey(), e.getValue())));
    this.shapes = Collections.unmodifiableMap(shapeMap);
    shapeMap.values().forEach(s -> s.attach(this));
    Map<String, OperationModel> ops = new LinkedHashMap<>();
    root.path("operations").fields().forEachRemaining(e -> ops.put(e.getKey(), readOperation(e.getValue())));
    this.operations = Collections.unmodifiableMap(ops);
    Map<String, Paginator> pages = new LinkedHashMap<>();
    if (paginatorRoot != null) {
      paginatorRoot.path("pagination").fields().forEachRemaining(e -> pages.put(e.getKey(), readPaginator(e.getValue())));
    }
    this.paginators = Collections.unmodifiableMap(pages);
  }

  /** Loads {@code models/<uid>.service.json} (and its paginators) from this module's resources. */
  public static ServiceModel load(String uid) {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode service = readResource(mapper, "models/" + uid + ".service.json");
    if (service == null) {
      throw new IllegalArgumentException("no service model " + uid);
    }
    return new ServiceModel(service, readResource(mapper, "models/" + uid + ".paginators.json"));
  }

  private static JsonNode readResource(ObjectMapper mapper, String name) {
    try (InputStream in = ServiceModel.class.getResourceAsStream("/io/iamlocal/protocol/" + name)) {
      return in == null ? null : mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Shape readShape(String name, JsonNode node) {
    Map<String, String> members = new LinkedHashMap<>();
    Map<String, Shape.MemberLocation> locations = new HashMap<>();
    node.path("members").fields().forEachRemaining(e -> {
      members.put(e.getKey(), e.getValue().path("shape").asText());
      if (e.getValue().has("location")) {
        locations.put(e.getKey(), new Shape.MemberLocation(e.getValue().path("location").asText(),
            e.getValue().path("locationName").asText(e.getKey())));
      }
    });
    Set<String> required = new LinkedHashSet<>();
    node.path("required").forEach(r -> required.add(r.asText()));
    List<String> enums = new ArrayList<>();
    node.path("enum").forEach(v -> enums.add(v.asText()));
    JsonNode err = node.path("error");
    Shape.ErrorInfo error = null;
    if (node.path("exception").asBoolean(false)) {
      error = new Shape.ErrorInfo(
          err.path("code").asText(name),
          err.path("httpStatusCode").asInt(400),
          !err.has("senderFault") || err.path("senderFault").asBoolean());
      if (!err.has("code") && !err.has("httpStatusCode")) {
        error = new Shape.ErrorInfo(name, 400, true);
      } else if (err.has("httpStatusCode") && err.path("httpStatusCode").asInt() >= 500) {
        error = new Shape.ErrorInfo(error.code(), error.httpStatus(), false);
      }
    }
    return new Shape(
        name,
        ShapeType.of(node.path("type").asText()),
        Collections.unmodifiableMap(members),
        Collections.unmodifiableSet(required),
        node.path("member").path("shape").asText(null),
        node.path("key").path("shape").asText(null),
        node.path("value").path("shape").asText(null),
        node.has("min") ? node.path("min").asLong() : null,
        node.has("max") ? node.path("max").asLong() : null,
        node.has("pattern") ? node.path("pattern").asText() : null,
        Collections.unmodifiableList(enums),
        error,
        node.path("sensitive").asBoolean(false),
        locations.isEmpty() ? Map.of() : Collections.unmodifiableMap(locations),
        node.path("timestampFormat").asText(null));
  }

  private OperationModel readOperation(JsonNode node) {
    List<String> errors = new ArrayList<>();
    node.path("errors").forEach(e -> errors.add(e.path("shape").asText()));
    JsonNode in = node.path("input").path("shape");
    JsonNode out = node.path("output").path("shape");
    return new OperationModel(
        this,
        node.path("name").asText(),
        new OperationModel.Http(node.path("http").path("method").asText("POST"), node.path("http").path("requestUri").asText("/")),
        in.isMissingNode() ? null : shapes.get(in.asText()),
        out.isMissingNode() ? null : shapes.get(out.asText()),
        node.path("output").path("resultWrapper").asText(null),
        List.copyOf(errors));
  }

  private static Paginator readPaginator(JsonNode node) {
    return new Paginator(
        node.path("input_token").asText(null),
        node.path("output_token").asText(null),
        node.path("limit_key").asText(null),
        node.path("more_results").asText(null));
  }

  public String serviceId() {
    return serviceId;
  }

  /** The SigV4 signing name and endpoint prefix: {@code iam} or {@code sts}. */
  public String endpointPrefix() {
    return endpointPrefix;
  }

  public String apiVersion() {
    return apiVersion;
  }

  public String xmlNamespace() {
    return xmlNamespace;
  }

  /** The botocore protocol: {@code query}, {@code json} (CloudTrail), {@code rest-json} (Access Analyzer). */
  public String protocol() {
    return protocol;
  }

  /** The JSON protocol's {@code X-Amz-Target} prefix ({@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101}), or null. */
  public String targetPrefix() {
    return targetPrefix;
  }

  public Shape shape(String name) {
    return name == null ? null : shapes.get(name);
  }

  public Map<String, Shape> shapes() {
    return shapes;
  }

  public OperationModel operation(String name) {
    return name == null ? null : operations.get(name);
  }

  public Map<String, OperationModel> operations() {
    return operations;
  }

  public Map<String, Paginator> paginators() {
    return paginators;
  }

  /** A botocore paginator definition: which members carry the page token and size. */
  public record Paginator(String inputToken, String outputToken, String limitKey, String moreResults) {}
}
