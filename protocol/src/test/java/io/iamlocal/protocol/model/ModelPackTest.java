package io.iamlocal.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.json.PlainJson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packed models the build writes, read lazily, serve what the vendored JSON declares: every
 * shape's definition decoded at first use equals the one read eagerly from the JSON.
 */
class ModelPackTest {
  private static Object json(String name) throws Exception {
    try (InputStream in =
        ModelPackTest.class.getResourceAsStream("/io/iamlocal/protocol/models/" + name)) {
      return in == null ? null : PlainJson.read(in);
    }
  }

  private static Object parse(String text) {
    return PlainJson.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "iam-2010-05-08",
        "sts-2011-06-15",
        "cloudtrail-2013-11-01",
        "accessanalyzer-2019-11-01"
      })
  void theBuildsPackedModelServesWhatItsJsonDeclares(String uid) throws Exception {
    assertThat(
            ModelPackTest.class.getResource(
                "/io/iamlocal/protocol/models/" + uid + ".model.packed"))
        .as("packed by the build")
        .isNotNull();
    Object service = json(uid + ".service.json");
    ServiceModel model = ServiceModel.load(uid);

    Map<String, Object> meta = PlainJson.object(service, "metadata");
    assertThat(model.endpointPrefix()).isEqualTo(PlainJson.text(meta, "endpointPrefix", ""));
    assertThat(model.serviceId()).isEqualTo(PlainJson.text(meta, "serviceId", ""));
    assertThat(model.apiVersion()).isEqualTo(PlainJson.text(meta, "apiVersion", ""));
    assertThat(model.xmlNamespace()).isEqualTo(PlainJson.text(meta, "xmlNamespace", ""));
    assertThat(model.protocol()).isEqualTo(PlainJson.text(meta, "protocol", ""));
    assertThat(model.targetPrefix()).isEqualTo(PlainJson.text(meta, "targetPrefix", null));

    Map<String, Object> shapes = PlainJson.object(service, "shapes");
    assertThat(model.shapes().keySet()).containsExactlyInAnyOrderElementsOf(shapes.keySet());
    shapes.forEach(
        (name, node) -> {
          Shape shape = model.shape(name);
          assertThat(shape.name()).isEqualTo(name);
          assertThat(shape.service()).isSameAs(model);
          assertThat(shape.definition()).as(name).isEqualTo(ModelPack.definitionOf(name, node));
          assertThat(List.copyOf(shape.memberNames()))
              .isEqualTo(List.copyOf(PlainJson.object(node, "members").keySet()));
        });

    Map<String, Object> operations = PlainJson.object(service, "operations");
    assertThat(model.operations().keySet()).containsExactlyElementsOf(operations.keySet());
    operations.forEach(
        (name, node) -> {
          OperationModel op = model.operation(name);
          Map<String, Object> output = PlainJson.object(node, "output");
          Map<String, Object> http = PlainJson.object(node, "http");
          assertThat(op.service()).isSameAs(model);
          assertThat(op.name()).isEqualTo(PlainJson.text(node, "name", ""));
          assertThat(op.http())
              .isEqualTo(
                  new OperationModel.Http(
                      PlainJson.text(http, "method", "POST"),
                      PlainJson.text(http, "requestUri", "/")));
          assertThat(op.input())
              .isSameAs(
                  model.shape(PlainJson.text(PlainJson.object(node, "input"), "shape", null)));
          assertThat(op.output()).isSameAs(model.shape(PlainJson.text(output, "shape", null)));
          assertThat(op.hasOutput()).isEqualTo(op.output() != null);
          assertThat(op.resultWrapper()).isEqualTo(PlainJson.text(output, "resultWrapper", null));
          List<String> errors = new ArrayList<>();
          PlainJson.array(node, "errors").forEach(e -> errors.add(PlainJson.text(e, "shape", "")));
          assertThat(op.errorShapes()).isEqualTo(errors);
        });

    Map<String, Object> pages = PlainJson.object(json(uid + ".paginators.json"), "pagination");
    assertThat(model.paginators().keySet()).containsExactlyElementsOf(pages.keySet());
    pages.forEach(
        (name, node) ->
            assertThat(model.paginators().get(name))
                .isEqualTo(
                    new ServiceModel.Paginator(
                        PlainJson.text(node, "input_token", null),
                        PlainJson.text(node, "output_token", null),
                        PlainJson.text(node, "limit_key", null),
                        PlainJson.text(node, "more_results", null))));
  }

  @Test
  void aModelWithoutPackedFormIsPackedFromItsJson() {
    ServiceModel model =
        ServiceModel.read(
            ModelPack.pack(
                parse(
                    "{\"metadata\":{\"endpointPrefix\":\"x\",\"protocol\":\"query\"},"
                        + "\"operations\":{\"Do\":{\"name\":\"Do\",\"input\":{\"shape\":\"In\"},"
                        + "\"errors\":[{\"shape\":\"Oops\"}]}},"
                        + "\"shapes\":{\"In\":{\"type\":\"structure\",\"required\":[\"P\"],"
                        + "\"members\":{\"P\":{\"shape\":\"P\",\"location\":\"uri\"}}},"
                        + "\"P\":{\"type\":\"string\",\"min\":1,\"max\":2.0,"
                        + "\"pattern\":\"[\\u0020-\\u00FF\\u3000]+\",\"enum\":[\"é\",\"😀\"]},"
                        + "\"Oops\":{\"type\":\"structure\",\"members\":{},\"exception\":true,"
                        + "\"error\":{\"httpStatusCode\":503}}}}"),
                null));
    assertThat(model.endpointPrefix()).isEqualTo("x");
    assertThat(model.targetPrefix()).isNull();
    assertThat(model.paginators()).isEmpty();
    Shape in = model.operation("Do").input();
    assertThat(in.isRequired("P")).isTrue();
    assertThat(in.location("P")).isEqualTo(new Shape.MemberLocation("uri", "P"));
    Shape p = in.member("P");
    assertThat(p.min()).isEqualTo(1L);
    assertThat(p.max()).isEqualTo(2L);
    assertThat(p.pattern()).isEqualTo("[\u0020-\u00FF\u3000]+");
    assertThat(p.enumValues()).containsExactly("é", "😀");
    assertThat(model.shape("Oops").error()).isEqualTo(new Shape.ErrorInfo("Oops", 503, false));
    assertThat(model.operation("Do").hasOutput()).isFalse();
  }

  @Test
  void threadsAskingForTheSameOperationsAndShapesAtOnceGetOneInstanceEach() throws Exception {
    List<String> names = List.copyOf(ServiceModel.load("iam-2010-05-08").shapes().keySet());
    for (int round = 0; round < 20; round++) {
      ServiceModel model = ServiceModel.load("iam-2010-05-08");
      int threads = 8;
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<List<Shape>>> seen = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          seen.add(
              pool.submit(
                  () -> {
                    go.await();
                    List<Shape> shapes = new ArrayList<>();
                    for (OperationModel operation : model.operations().values()) {
                      shapes.add(operation.input());
                    }
                    for (String name : names) {
                      Shape shape = model.shape(name);
                      shape.type();
                      shapes.add(shape);
                    }
                    return shapes;
                  }));
        }
        go.countDown();
        List<Shape> first = seen.get(0).get();
        for (Future<List<Shape>> other : seen) {
          List<Shape> shapes = other.get();
          assertThat(shapes).hasSameSizeAs(first);
          for (int i = 0; i < shapes.size(); i++) {
            assertThat(shapes.get(i)).isSameAs(first.get(i));
          }
        }
        for (Shape shape : first) {
          if (shape != null) {
            assertThat(shape.definition()).isEqualTo(model.definitionAt(shape.packedAt()));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** {@code packed} with the content of the block at {@code at} overwritten with 0xff bytes. */
  private static ServiceModel garbled(byte[] packed, int at) {
    byte[] copy = packed.clone();
    ModelPack.Reader length = new ModelPack.Reader(copy, at, copy.length);
    int size = length.count();
    Arrays.fill(copy, length.position(), length.position() + size, (byte) 0xff);
    return ServiceModel.read(copy);
  }

  @Test
  void malformedPackedModelsAreRefused() throws Exception {
    byte[] packed;
    try (InputStream in =
        ModelPackTest.class.getResourceAsStream(
            "/io/iamlocal/protocol/models/sts-2011-06-15.model.packed")) {
      packed = in.readAllBytes();
    }
    assertThat(ServiceModel.read(packed).shapes()).isNotEmpty();

    byte[] otherVersion = packed.clone();
    otherVersion[ModelPack.MAGIC.length - 2]++;
    assertThatThrownBy(() -> ServiceModel.read(otherVersion))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceModel.read("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServiceModel.read(Arrays.copyOf(packed, ModelPack.MAGIC.length + 40)))
        .isInstanceOf(IllegalArgumentException.class);

    // Cut inside the shapes: the header reads, the index of the shapes refuses it.
    ServiceModel truncated = ServiceModel.read(Arrays.copyOf(packed, packed.length - 3));
    assertThat(truncated.operations()).hasSize(11);
    assertThatThrownBy(() -> truncated.shape("Credentials"))
        .isInstanceOf(IllegalArgumentException.class);
    ServiceModel trailing = ServiceModel.read(Arrays.copyOf(packed, packed.length + 1));
    assertThatThrownBy(trailing::shapes).isInstanceOf(IllegalArgumentException.class);
    // A count larger than the bytes left is refused before anything is allocated for it.
    byte[] huge = Arrays.copyOf(packed, packed.length + 5);
    System.arraycopy(
        new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07},
        0,
        huge,
        packed.length,
        5);
    assertThatThrownBy(() -> new ModelPack.Reader(huge, packed.length, huge.length).strings())
        .isInstanceOf(IllegalArgumentException.class);

    // A damaged definition is refused at the shape's first use, not misread: a block whose length
    // fits in one byte is followed by its type ordinal.
    ServiceModel model = ServiceModel.read(packed);
    Shape shape =
        model.shapes().values().stream()
            .filter(s -> packed[s.packedAt()] > 2)
            .findFirst()
            .orElseThrow();
    int at = shape.packedAt();
    byte[] damaged = packed.clone();
    damaged[at + 1] = (byte) 0x7f;
    assertThatThrownBy(() -> ServiceModel.read(damaged).shape(shape.name()).type())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("type");
    assertThatThrownBy(() -> garbled(packed, shape.packedAt()).shape(shape.name()).type())
        .isInstanceOf(IllegalArgumentException.class);
    OperationModel operation = model.operation("AssumeRole");
    ServiceModel garbledOperation = garbled(packed, operation.packedAt());
    assertThat(garbledOperation.operations()).hasSize(11);
    assertThatThrownBy(() -> garbledOperation.operation("AssumeRole").input())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(garbledOperation.operation("GetCallerIdentity").input()).isNotNull();
    byte[] shortened = packed.clone();
    shortened[at]--;
    ServiceModel cut = ServiceModel.read(shortened);
    assertThatThrownBy(() -> cut.shape(shape.name()).type())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
