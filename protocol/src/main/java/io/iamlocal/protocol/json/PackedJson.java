package io.iamlocal.protocol.json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A compact binary form of vendored JSON files (the authorization reference; the service models
 * have a form of their own, {@code ModelPack}), written by {@code mvn package} next to each ({@code
 * <name>.json.packed}) and read instead of the JSON: the same plain tree as {@link PlainJson#read}
 * (maps in document order, lists, strings, {@code Long}s, {@code BigDecimal}s, booleans, nulls),
 * decoded ~10x faster than Jackson's parser running cold, and without loading Jackson at all. Each
 * distinct string is stored once and referred to by index afterwards.
 *
 * <p>Format: the magic {@link #MAGIC}, then one value. A value is a tag byte and its content:
 * {@code o} count, then count × (string key, value); {@code a} count, then count values; {@code s}
 * string; {@code l} 8-byte big-endian long; {@code d} the decimal as a string; {@code t}, {@code
 * f}, {@code n}. A string is a varint h: odd h refers to the (h/2)-th distinct string so far, even
 * h is followed by h/2 bytes of UTF-8 that become the next distinct string. Counts are varints.
 */
public final class PackedJson {
  /** Written first, so a file from another format version is refused instead of misread. */
  static final byte[] MAGIC = "IAMLocal packed JSON 1\n".getBytes(StandardCharsets.US_ASCII);

  /** The suffix of a packed file after its JSON file's name. */
  public static final String SUFFIX = ".packed";

  private PackedJson() {}

  /**
   * Packs each JSON file named on the command line, and each {@code *.json} directly inside each
   * directory named, into {@code <file>.packed} beside it (run by the build on its resources).
   */
  public static void main(String... paths) throws IOException {
    for (String name : paths) {
      Path path = Path.of(name);
      if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.list(path)) {
          for (Path json : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
            packFile(json);
          }
        }
      } else {
        packFile(path);
      }
    }
  }

  private static void packFile(Path json) throws IOException {
    Object tree;
    try (InputStream in = Files.newInputStream(json)) {
      tree = PlainJson.read(in);
    }
    Files.write(Path.of(json + SUFFIX), pack(tree));
  }

  /** The packed form of a plain tree as {@link PlainJson#read} returns it. */
  public static byte[] pack(Object tree) {
    Writer writer = new Writer();
    writer.out.writeBytes(MAGIC);
    writer.value(tree);
    return writer.out.toByteArray();
  }

  /**
   * The plain tree of the JSON resource {@code name} (resolved as {@link Class#getResourceAsStream}
   * does), read from its packed twin when the build made one, else parsed from the JSON; null when
   * neither exists.
   */
  public static Object resource(Class<?> owner, String name) {
    try (InputStream packed = owner.getResourceAsStream(name + SUFFIX)) {
      if (packed != null) {
        return read(packed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream json = owner.getResourceAsStream(name)) {
      return json == null ? null : PlainJson.read(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain tree a packed stream holds. */
  public static Object read(InputStream in) {
    try {
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The plain tree {@code packed} holds; throws {@link IllegalArgumentException} if malformed. */
  public static Object read(byte[] packed) {
    if (packed.length < MAGIC.length
        || !Arrays.equals(packed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new IllegalArgumentException("not a packed JSON file of this version");
    }
    Reader reader = new Reader(packed, MAGIC.length);
    try {
      Object tree = reader.value();
      if (reader.at != packed.length) {
        throw new IllegalArgumentException("trailing bytes after the packed value");
      }
      return tree;
    } catch (IndexOutOfBoundsException truncated) {
      throw new IllegalArgumentException("truncated packed JSON", truncated);
    }
  }

  private static final class Writer {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Map<String, Integer> seen = new HashMap<>();

    void value(Object value) {
      if (value instanceof Map<?, ?> map) {
        out.write('o');
        count(map.size());
        map.forEach(
            (key, member) -> {
              string((String) key);
              value(member);
            });
      } else if (value instanceof List<?> list) {
        out.write('a');
        count(list.size());
        list.forEach(this::value);
      } else if (value instanceof String text) {
        out.write('s');
        string(text);
      } else if (value instanceof Long number) {
        out.write('l');
        PackedNumbers.writeLong(out, number);
      } else if (value instanceof BigDecimal decimal) {
        out.write('d');
        string(decimal.toString());
      } else if (value instanceof Boolean flag) {
        out.write(flag ? 't' : 'f');
      } else if (value == null) {
        out.write('n');
      } else {
        throw new IllegalArgumentException("not a plain JSON value: " + value.getClass());
      }
    }

    void string(String text) {
      Integer index = seen.get(text);
      if (index != null) {
        count(index * 2 + 1);
        return;
      }
      seen.put(text, seen.size());
      byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
      count(utf8.length * 2);
      out.writeBytes(utf8);
    }

    void count(int n) {
      PackedNumbers.writeCount(out, n);
    }
  }

  private static final class Reader implements PackedNumbers.ByteSource {
    final byte[] in;
    int at;
    final List<String> strings = new ArrayList<>();

    Reader(byte[] in, int at) {
      this.in = in;
      this.at = at;
    }

    Object value() {
      byte tag = in[at++];
      switch (tag) {
        case 'o' -> {
          int n = count();
          Map<String, Object> fields = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
          for (int i = 0; i < n; i++) {
            String key = string();
            fields.put(key, value());
          }
          return Collections.unmodifiableMap(fields);
        }
        case 'a' -> {
          int n = count();
          List<Object> items = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            items.add(value());
          }
          return Collections.unmodifiableList(items);
        }
        case 's' -> {
          return string();
        }
        case 'l' -> {
          return PackedNumbers.readLong(this);
        }
        case 'd' -> {
          return new BigDecimal(string());
        }
        case 't' -> {
          return Boolean.TRUE;
        }
        case 'f' -> {
          return Boolean.FALSE;
        }
        case 'n' -> {
          return null;
        }
        default -> throw new IllegalArgumentException("bad packed JSON tag " + tag);
      }
    }

    String string() {
      int h = count();
      if ((h & 1) == 1) {
        return strings.get(h >>> 1);
      }
      int length = h >>> 1;
      if (length > in.length - at) {
        throw new IndexOutOfBoundsException(length);
      }
      String text = new String(in, at, length, StandardCharsets.UTF_8);
      at += length;
      strings.add(text);
      return text;
    }

    int count() {
      return PackedNumbers.readCount(this, "bad packed JSON count");
    }

    /** Past the end: an {@link IndexOutOfBoundsException}, which {@link #read} reports. */
    @Override
    public int nextByte() {
      return in[at++] & 0xff;
    }
  }
}
