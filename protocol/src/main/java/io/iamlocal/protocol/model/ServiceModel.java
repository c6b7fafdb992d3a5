package io.iamlocal.protocol.model;

import io.iamlocal.protocol.json.PackedJson;
import io.iamlocal.protocol.json.PlainJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A botocore service model (IAM or STS) loaded from the JSON vendored in this module's resources.
 * It is the single source of truth for operation names, members and constraints.
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

  private ServiceModel(Object root, Object paginatorRoot) {
    Map<String, Object> meta = PlainJson.object(root, "metadata");
    this.serviceId = PlainJson.text(meta, "serviceId", "");
    this.endpointPrefix = PlainJson.text(meta, "endpointPrefix", "");
    this.apiVersion = PlainJson.text(meta, "apiVersion", "");
    this.xmlNamespace = PlainJson.text(meta, "xmlNamespace", "");
    this.protocol = PlainJson.text(meta, "protocol", "");
    this.targetPrefix = PlainJson.text(meta, "targetPrefix", null);
    Map<String, Shape> shapeMap = new HashMap<>();
    PlainJson.object(root, "shapes")
        .forEach((name, node) -> shapeMap.put(name, readShape(name, node)));
    this.shapes = Collections.unmodifiableMap(shapeMap);
    shapeMap.values().forEach(s -> s.attach(this));
    Map<String, OperationModel> ops = new LinkedHashMap<>();
    PlainJson.object(root, "operations")
        .forEach((name, node) -> ops.put(name, readOperation(node)));
    this.operations = Collections.unmodifiableMap(ops);
    Map<String, Paginator> pages = new LinkedHashMap<>();
    PlainJson.object(paginatorRoot, "pagination")
        .forEach((name, node) -> pages.put(name, readPaginator(node)));
    this.paginators = Collections.unmodifiableMap(pages);
  }

  /** Loads {@code models/<uid>.service.json} (and its paginators) from this module's resources. */
  public static ServiceModel load(String uid) {
    Object service = readResource("models/" + uid + ".service.json");
    if (service == null) {
      throw new IllegalArgumentException("no service model " + uid);
    }
    return new ServiceModel(service, readResource("models/" + uid + ".paginators.json"));
  }

  private static Object readResource(String name) {
    return PackedJson.resource(ServiceModel.class, "/io/iamlocal/protocol/" + name);
  }

  private static Shape readShape(String name, Object node) {
    Map<String, String> members = new LinkedHashMap<>();
    Map<String, Shape.MemberLocation> locations = new HashMap<>();
    PlainJson.object(node, "members")
        .forEach(
            (member, ref) -> {
              members.put(member, PlainJson.text(ref, "shape", ""));
              String location = PlainJson.text(ref, "location", null);
              if (location != null) {
                locations.put(
                    member,
                    new Shape.MemberLocation(
                        location, PlainJson.text(ref, "locationName", member)));
              }
            });
    Set<String> required = new LinkedHashSet<>();
    PlainJson.array(node, "required").forEach(r -> required.add(String.valueOf(r)));
    List<String> enums = new ArrayList<>();
    PlainJson.array(node, "enum").forEach(v -> enums.add(String.valueOf(v)));
    Map<String, Object> err = PlainJson.object(node, "error");
    Shape.ErrorInfo error = null;
    if (Boolean.parseBoolean(PlainJson.text(node, "exception", "false"))) {
      String code = PlainJson.text(err, "code", null);
      String status = PlainJson.text(err, "httpStatusCode", null);
      int httpStatus = status == null ? 400 : Integer.parseInt(status);
      boolean senderFault =
          !err.containsKey("senderFault")
              || Boolean.parseBoolean(PlainJson.text(err, "senderFault", "false"));
      if (code == null && status == null) {
        error = new Shape.ErrorInfo(name, 400, true);
      } else {
        error =
            new Shape.ErrorInfo(
                code == null ? name : code, httpStatus, httpStatus < 500 && senderFault);
      }
    }
    String min = PlainJson.text(node, "min", null);
    String max = PlainJson.text(node, "max", null);
    return new Shape(
        name,
        ShapeType.of(PlainJson.text(node, "type", "")),
        Collections.unmodifiableMap(members),
        Collections.unmodifiableSet(required),
        PlainJson.text(PlainJson.object(node, "member"), "shape", null),
        PlainJson.text(PlainJson.object(node, "key"), "shape", null),
        PlainJson.text(PlainJson.object(node, "value"), "shape", null),
        min == null ? null : new java.math.BigDecimal(min).longValue(),
        max == null ? null : new java.math.BigDecimal(max).longValue(),
        PlainJson.text(node, "pattern", null),
        Collections.unmodifiableList(enums),
        error,
        Boolean.parseBoolean(PlainJson.text(node, "sensitive", "false")),
        locations.isEmpty() ? Map.of() : Collections.unmodifiableMap(locations),
        PlainJson.text(node, "timestampFormat", null));
  }

  private OperationModel readOperation(Object node) {
    List<String> errors = new ArrayList<>();
    PlainJson.array(node, "errors").forEach(e -> errors.add(PlainJson.text(e, "shape", "")));
    String in = PlainJson.text(PlainJson.object(node, "input"), "shape", null);
    Map<String, Object> output = PlainJson.object(node, "output");
    String out = PlainJson.text(output, "shape", null);
    Map<String, Object> http = PlainJson.object(node, "http");
    return new OperationModel(
        this,
        PlainJson.text(node, "name", ""),
        new OperationModel.Http(
            PlainJson.text(http, "method", "POST"), PlainJson.text(http, "requestUri", "/")),
        in == null ? null : shapes.get(in),
        out == null ? null : shapes.get(out),
        PlainJson.text(output, "resultWrapper", null),
        List.copyOf(errors));
  }

  private static Paginator readPaginator(Object node) {
    return new Paginator(
        PlainJson.text(node, "input_token", null),
        PlainJson.text(node, "output_token", null),
        PlainJson.text(node, "limit_key", null),
        PlainJson.text(node, "more_results", null));
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

  /**
   * The botocore protocol: {@code query}, {@code json} (CloudTrail), {@code rest-json} (Access
   * Analyzer).
   */
  public String protocol() {
    return protocol;
  }

  /**
   * The JSON protocol's {@code X-Amz-Target} prefix ({@code
   * com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101}), or null.
   */
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
  public record Paginator(
      String inputToken, String outputToken, String limitKey, String moreResults) {}
}
