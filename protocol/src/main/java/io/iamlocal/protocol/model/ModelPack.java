package io.iamlocal.protocol.model;

import io.iamlocal.protocol.json.PackedNumbers;
import io.iamlocal.protocol.json.PlainJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The packed form of a botocore service model and its paginators, written by {@code mvn package}
 * next to the JSON ({@code <uid>.model.packed}) and read at start instead: only what {@link
 * ServiceModel}, {@link OperationModel} and {@link Shape} hold, already interpreted (error codes,
 * statuses and bounds resolved; documentation and unused keys dropped), and each shape's definition
 * in a block of its own that is decoded at the shape's first use.
 *
 * <p>Format: {@link #MAGIC}; the service's serviceId, endpointPrefix, apiVersion, xmlNamespace,
 * protocol and targetPrefix; the operations (count, then each: key and block); the paginators'
 * block (count, then each: name, input token, output token, limit key, more results); the shapes
 * (count, then each: name and block). A block is its length in bytes and its content, so a reader
 * can step over it and decode it later. An operation's block holds its name, HTTP method, request
 * URI, input, output, result wrapper and error shape names. A shape's block holds the {@link
 * ShapeType} ordinal, members (count × name, target), locations (count × member, location, wire
 * name), required names, list member, map key, map value, min, max, pattern, enum values, error
 * ({@code 0}, or {@code 1}, code, status, sender fault), sensitive and timestamp format. Counts are
 * varints; a string is a varint v: 0 is null, else h = v - 1 is followed by h / 2 bytes, ISO-8859-1
 * when h is even (every model string but a few patterns, decoded without a UTF-8 pass), UTF-8 when
 * odd; a flag is a byte 0 or 1; a nullable long is 0, or 1 and 8 bytes big-endian.
 */
public final class ModelPack {
  /** Written first, so a file from another format version is refused instead of misread. */
  static final byte[] MAGIC =
      "IAMLocal packed service model 2\n".getBytes(StandardCharsets.US_ASCII);

  /** The suffix of a packed model after its uid. */
  static final String SUFFIX = ".model.packed";

  private ModelPack() {}

  /**
   * Packs each {@code <uid>.service.json} directly inside each directory named (with its {@code
   * <uid>.paginators.json} when present) into {@code <uid>.model.packed} beside it: run by the
   * build on its resources.
   */
  public static void main(String... directories) throws IOException {
    for (String directory : directories) {
      List<Path> services;
      try (Stream<Path> files = Files.list(Path.of(directory))) {
        services = files.filter(f -> f.toString().endsWith(".service.json")).sorted().toList();
      }
      for (Path service : services) {
        String uid = service.getFileName().toString().replace(".service.json", "");
        Path paginators = service.resolveSibling(uid + ".paginators.json");
        Files.write(
            service.resolveSibling(uid + SUFFIX),
            pack(json(service), Files.exists(paginators) ? json(paginators) : null));
      }
    }
  }

  private static Object json(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return PlainJson.read(in);
    }
  }

  /** The packed form of a model's JSON tree and its paginators' (null when it has none). */
  static byte[] pack(Object service, Object paginators) {
    Writer out = new Writer();
    out.writeBytes(MAGIC);
    Map<String, Object> meta = PlainJson.object(service, "metadata");
    out.string(PlainJson.text(meta, "serviceId", ""));
    out.string(PlainJson.text(meta, "endpointPrefix", ""));
    out.string(PlainJson.text(meta, "apiVersion", ""));
    out.string(PlainJson.text(meta, "xmlNamespace", ""));
    out.string(PlainJson.text(meta, "protocol", ""));
    out.string(PlainJson.text(meta, "targetPrefix", null));
    Map<String, Object> operations = PlainJson.object(service, "operations");
    out.count(operations.size());
    operations.forEach(
        (key, node) -> {
          out.string(key);
          out.block(block -> writeOperation(block, node));
        });
    Map<String, Object> pages = PlainJson.object(paginators, "pagination");
    out.block(
        block -> {
          block.count(pages.size());
          pages.forEach(
              (name, node) -> {
                block.string(name);
                block.string(PlainJson.text(node, "input_token", null));
                block.string(PlainJson.text(node, "output_token", null));
                block.string(PlainJson.text(node, "limit_key", null));
                block.string(PlainJson.text(node, "more_results", null));
              });
        });
    Map<String, Object> shapes = PlainJson.object(service, "shapes");
    out.count(shapes.size());
    shapes.forEach(
        (name, node) -> {
          out.string(name);
          out.block(block -> writeDefinition(block, definitionOf(name, node)));
        });
    return out.toByteArray();
  }

  private static void writeOperation(Writer out, Object node) {
    Map<String, Object> http = PlainJson.object(node, "http");
    Map<String, Object> output = PlainJson.object(node, "output");
    List<?> errors = PlainJson.array(node, "errors");
    out.string(PlainJson.text(node, "name", ""));
    out.string(PlainJson.text(http, "method", "POST"));
    out.string(PlainJson.text(http, "requestUri", "/"));
    out.string(PlainJson.text(PlainJson.object(node, "input"), "shape", null));
    out.string(PlainJson.text(output, "shape", null));
    out.string(PlainJson.text(output, "resultWrapper", null));
    out.count(errors.size());
    errors.forEach(e -> out.string(PlainJson.text(e, "shape", "")));
  }

  /** Decodes an operation's block; refuses malformed bytes. */
  static OperationModel.Definition readOperation(Reader in) {
    OperationModel.Definition operation =
        new OperationModel.Definition(
            in.string(),
            new OperationModel.Http(in.string(), in.string()),
            in.string(),
            in.string(),
            in.string(),
            List.copyOf(in.strings()));
    in.requireEnd();
    return operation;
  }

  /** What a botocore shape's JSON declares, as {@link Shape} serves it. */
  static Shape.Definition definitionOf(String name, Object node) {
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
    String min = PlainJson.text(node, "min", null);
    String max = PlainJson.text(node, "max", null);
    return new Shape.Definition(
        ShapeType.of(PlainJson.text(node, "type", "")),
        Collections.unmodifiableMap(members),
        Collections.unmodifiableSet(required),
        PlainJson.text(PlainJson.object(node, "member"), "shape", null),
        PlainJson.text(PlainJson.object(node, "key"), "shape", null),
        PlainJson.text(PlainJson.object(node, "value"), "shape", null),
        min == null ? null : new BigDecimal(min).longValue(),
        max == null ? null : new BigDecimal(max).longValue(),
        PlainJson.text(node, "pattern", null),
        Collections.unmodifiableList(enums),
        errorOf(name, node),
        Boolean.parseBoolean(PlainJson.text(node, "sensitive", "false")),
        locations.isEmpty() ? Map.of() : Collections.unmodifiableMap(locations),
        PlainJson.text(node, "timestampFormat", null));
  }

  private static Shape.ErrorInfo errorOf(String name, Object node) {
    if (!Boolean.parseBoolean(PlainJson.text(node, "exception", "false"))) {
      return null;
    }
    Map<String, Object> err = PlainJson.object(node, "error");
    String code = PlainJson.text(err, "code", null);
    String status = PlainJson.text(err, "httpStatusCode", null);
    if (code == null && status == null) {
      return new Shape.ErrorInfo(name, 400, true);
    }
    int httpStatus = status == null ? 400 : Integer.parseInt(status);
    boolean senderFault =
        !err.containsKey("senderFault")
            || Boolean.parseBoolean(PlainJson.text(err, "senderFault", "false"));
    return new Shape.ErrorInfo(
        code == null ? name : code, httpStatus, httpStatus < 500 && senderFault);
  }

  private static void writeDefinition(Writer out, Shape.Definition shape) {
    out.write(shape.type().ordinal());
    out.count(shape.members().size());
    shape
        .members()
        .forEach(
            (member, target) -> {
              out.string(member);
              out.string(target);
            });
    out.count(shape.locations().size());
    shape
        .locations()
        .forEach(
            (member, location) -> {
              out.string(member);
              out.string(location.location());
              out.string(location.name());
            });
    out.strings(shape.required());
    out.string(shape.listMember());
    out.string(shape.mapKey());
    out.string(shape.mapValue());
    out.nullableLong(shape.min());
    out.nullableLong(shape.max());
    out.string(shape.pattern());
    out.strings(shape.enumValues());
    Shape.ErrorInfo error = shape.error();
    out.flag(error != null);
    if (error != null) {
      out.string(error.code());
      out.count(error.httpStatus());
      out.flag(error.senderFault());
    }
    out.flag(shape.sensitive());
    out.string(shape.timestampFormat());
  }

  /** Decodes a shape's block; refuses malformed bytes. */
  static Shape.Definition readDefinition(Reader in) {
    ShapeType[] types = ShapeType.values();
    int type = in.count();
    if (type >= types.length) {
      throw new IllegalArgumentException("bad shape type in the packed model");
    }
    int memberCount = in.elements();
    Map<String, String> members = new LinkedHashMap<>(Math.max(4, memberCount * 4 / 3 + 1));
    for (int i = 0; i < memberCount; i++) {
      members.put(in.string(), in.string());
    }
    int locationCount = in.elements();
    Map<String, Shape.MemberLocation> locations = locationCount == 0 ? Map.of() : new HashMap<>();
    for (int i = 0; i < locationCount; i++) {
      locations.put(in.string(), new Shape.MemberLocation(in.string(), in.string()));
    }
    Set<String> required = new LinkedHashSet<>(in.strings());
    String listMember = in.string();
    String mapKey = in.string();
    String mapValue = in.string();
    Long min = in.nullableLong();
    Long max = in.nullableLong();
    String pattern = in.string();
    List<String> enumValues = Collections.unmodifiableList(in.strings());
    Shape.ErrorInfo error =
        in.flag() ? new Shape.ErrorInfo(in.string(), in.count(), in.flag()) : null;
    Shape.Definition definition =
        new Shape.Definition(
            types[type],
            Collections.unmodifiableMap(members),
            Collections.unmodifiableSet(required),
            listMember,
            mapKey,
            mapValue,
            min,
            max,
            pattern,
            enumValues,
            error,
            in.flag(),
            locationCount == 0 ? Map.of() : Collections.unmodifiableMap(locations),
            in.string());
    in.requireEnd();
    return definition;
  }

  private static final class Writer extends ByteArrayOutputStream {
    void string(String text) {
      if (text == null) {
        count(0);
        return;
      }
      boolean latin1 = text.chars().allMatch(c -> c <= 0xff);
      byte[] bytes = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      count(bytes.length * 2 + (latin1 ? 0 : 1) + 1);
      writeBytes(bytes);
    }

    /** What {@code content} writes, after its length in bytes. */
    void block(java.util.function.Consumer<Writer> content) {
      Writer block = new Writer();
      content.accept(block);
      count(block.size());
      writeBytes(block.toByteArray());
    }

    void strings(java.util.Collection<String> texts) {
      count(texts.size());
      texts.forEach(this::string);
    }

    void flag(boolean value) {
      write(value ? 1 : 0);
    }

    void nullableLong(Long value) {
      flag(value != null);
      if (value != null) {
        PackedNumbers.writeLong(this, value);
      }
    }

    void count(int n) {
      PackedNumbers.writeCount(this, n);
    }
  }

  /**
   * Reads the packed form between two offsets; anything that runs past the end or does not parse
   * throws {@link IllegalArgumentException}.
   */
  static final class Reader implements PackedNumbers.ByteSource {
    private final byte[] in;
    private final int end;
    private int at;

    Reader(byte[] in, int at, int end) {
      if (at < 0 || end > in.length || at > end) {
        throw new IllegalArgumentException("packed model block out of bounds");
      }
      this.in = in;
      this.at = at;
      this.end = end;
    }

    /** A reader after the magic of a whole packed model; refuses another format or version. */
    static Reader model(byte[] packed) {
      if (packed.length < MAGIC.length
          || !Arrays.equals(packed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
        throw new IllegalArgumentException("not a packed service model of this version");
      }
      return new Reader(packed, MAGIC.length, packed.length);
    }

    /** A reader of the block whose length is at {@code at} in a packed model. */
    static Reader block(byte[] packed, int at) {
      Reader length = new Reader(packed, at, packed.length);
      int size = length.count();
      int from = length.position();
      length.skip(size);
      return new Reader(packed, from, from + size);
    }

    int position() {
      return at;
    }

    void skip(int length) {
      if (length > end - at) {
        throw new IllegalArgumentException("truncated packed model");
      }
      at += length;
    }

    void requireEnd() {
      if (at != end) {
        throw new IllegalArgumentException("trailing bytes in the packed model");
      }
    }

    String string() {
      int v = count();
      if (v == 0) {
        return null;
      }
      int h = v - 1;
      int length = h >>> 1;
      int from = at;
      skip(length);
      return new String(
          in, from, length, (h & 1) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    List<String> strings() {
      int n = elements();
      List<String> texts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        texts.add(string());
      }
      return texts;
    }

    /**
     * A count of elements that follow, each at least a byte long: a larger one is refused before
     * anything is allocated for it.
     */
    int elements() {
      int n = count();
      if (n > end - at) {
        throw new IllegalArgumentException("truncated packed model");
      }
      return n;
    }

    boolean flag() {
      int b = nextByte();
      if (b > 1) {
        throw new IllegalArgumentException("bad flag in the packed model");
      }
      return b == 1;
    }

    Long nullableLong() {
      return flag() ? PackedNumbers.readLong(this) : null;
    }

    int count() {
      return PackedNumbers.readCount(this, "bad count in the packed model");
    }

    @Override
    public int nextByte() {
      if (at >= end) {
        throw new IllegalArgumentException("truncated packed model");
      }
      return in[at++] & 0xff;
    }
  }
}
