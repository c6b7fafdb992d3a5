package io.iamlocal.protocol.model;

import io.iamlocal.protocol.json.PlainJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A botocore service model (IAM or STS) loaded from the JSON vendored in this module's resources.
 * It is the single source of truth for operation names, members and constraints.
 *
 * <p>It is read from the packed form the build writes ({@link ModelPack}); a start reads only the
 * operations' names. Each operation and shape is decoded at its own first use (the shapes are
 * indexed at the first one asked for, the paginators read at the first call), so a run builds only
 * what its requests touch.
 */
public final class ServiceModel {
  private static final String RESOURCES = "/io/iamlocal/protocol/models/";

  private final byte[] packed;
  private final String serviceId;
  private final String endpointPrefix;
  private final String apiVersion;
  private final String xmlNamespace;
  private final String protocol;
  private final String targetPrefix;
  private final Map<String, OperationModel> operations;

  /** Where the paginators' and the shapes' sections of {@link #packed} start. */
  private final int paginatorsAt;

  private final int shapesAt;

  /** Each built once, at its first use; read without a lock afterwards. */
  private volatile Map<String, Shape> shapes;

  private volatile Map<String, Paginator> paginators;

  private ServiceModel(byte[] packed) {
    this.packed = packed;
    ModelPack.Reader in = ModelPack.Reader.model(packed);
    this.serviceId = in.string();
    this.endpointPrefix = in.string();
    this.apiVersion = in.string();
    this.xmlNamespace = in.string();
    this.protocol = in.string();
    this.targetPrefix = in.string();
    int operationCount = in.elements();
    Map<String, OperationModel> ops = new LinkedHashMap<>(operationCount * 4 / 3 + 1);
    for (int i = 0; i < operationCount; i++) {
      ops.put(in.string(), new OperationModel(this, in.position()));
      in.skip(in.count());
    }
    this.operations = Collections.unmodifiableMap(ops);
    this.paginatorsAt = in.position();
    in.skip(in.count());
    this.shapesAt = in.position();
  }

  /**
   * Loads {@code models/<uid>} (the service and its paginators) from this module's resources: the
   * packed form the build made, else the JSON packed now.
   */
  public static ServiceModel load(String uid) {
    byte[] packed = resource(uid + ModelPack.SUFFIX);
    if (packed == null) {
      byte[] service = resource(uid + ".service.json");
      if (service == null) {
        throw new IllegalArgumentException("no service model " + uid);
      }
      byte[] paginators = resource(uid + ".paginators.json");
      packed =
          ModelPack.pack(
              PlainJson.read(new ByteArrayInputStream(service)),
              paginators == null ? null : PlainJson.read(new ByteArrayInputStream(paginators)));
    }
    return new ServiceModel(packed);
  }

  /** The model a packed form holds; throws {@link IllegalArgumentException} if malformed. */
  static ServiceModel read(byte[] packed) {
    return new ServiceModel(packed);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ServiceModel.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shapes by name, each built but not yet decoded: at the first shape asked for. */
  private synchronized Map<String, Shape> indexShapes() {
    Map<String, Shape> indexed = shapes;
    if (indexed == null) {
      ModelPack.Reader in = new ModelPack.Reader(packed, shapesAt, packed.length);
      int count = in.elements();
      Map<String, Shape> byName = new HashMap<>(count * 4 / 3 + 1);
      for (int i = 0; i < count; i++) {
        String name = in.string();
        int at = in.position();
        in.skip(in.count());
        byName.put(name, new Shape(this, name, at));
      }
      in.requireEnd();
      indexed = Collections.unmodifiableMap(byName);
      shapes = indexed;
    }
    return indexed;
  }

  /** The paginators by name, at the first call. */
  private synchronized Map<String, Paginator> readPaginators() {
    Map<String, Paginator> read = paginators;
    if (read == null) {
      ModelPack.Reader in = ModelPack.Reader.block(packed, paginatorsAt);
      int count = in.elements();
      Map<String, Paginator> byName = new LinkedHashMap<>(count * 4 / 3 + 1);
      for (int i = 0; i < count; i++) {
        byName.put(in.string(), new Paginator(in.string(), in.string(), in.string(), in.string()));
      }
      in.requireEnd();
      read = Collections.unmodifiableMap(byName);
      paginators = read;
    }
    return read;
  }

  /** The definition of the shape whose packed block starts at {@code at}. */
  Shape.Definition definitionAt(int at) {
    return ModelPack.readDefinition(ModelPack.Reader.block(packed, at));
  }

  /** The definition of the operation whose packed block starts at {@code at}. */
  OperationModel.Definition operationAt(int at) {
    return ModelPack.readOperation(ModelPack.Reader.block(packed, at));
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
    return name == null ? null : shapes().get(name);
  }

  public Map<String, Shape> shapes() {
    Map<String, Shape> indexed = shapes;
    return indexed != null ? indexed : indexShapes();
  }

  public OperationModel operation(String name) {
    return name == null ? null : operations.get(name);
  }

  public Map<String, OperationModel> operations() {
    return operations;
  }

  public Map<String, Paginator> paginators() {
    Map<String, Paginator> read = paginators;
    return read != null ? read : readPaginators();
  }

  /** A botocore paginator definition: which members carry the page token and size. */
  public record Paginator(
      String inputToken, String outputToken, String limitKey, String moreResults) {}
}
