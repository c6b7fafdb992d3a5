package io.iamlocal.server.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.iamlocal.server.crypto.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * The AWS managed policies ({@code arn:aws:iam::aws:policy/…}), read from the vendored catalog once
 * per JVM on first use and shared, immutable, by every account, partition and server: each
 * partition sees the same entries under its own ARNs ({@code arn:aws-cn:iam::aws:policy/…}).
 * Documents are kept deflated (about a fifth of their text size) and inflated only when a caller
 * reads one; what an account does with a policy (attachments, boundary use) lives in its {@link
 * PolicyStore}.
 */
public final class AwsManagedPolicyCatalog {
  static final String RESOURCE =
      "/io/iamlocal/server/aws-managed-policies/aws-managed-policies.json.gz";

  private final NavigableMap<String, Entry> byKey;

  private AwsManagedPolicyCatalog(NavigableMap<String, Entry> byKey) {
    this.byKey = Collections.unmodifiableNavigableMap(byKey);
  }

  /** The catalog of this JVM; the first call parses the resource (a few hundred milliseconds). */
  public static AwsManagedPolicyCatalog get() {
    return Holder.INSTANCE;
  }

  /** Lazy-holder idiom: the JVM runs {@code load} once, thread-safely, on first access. */
  private static final class Holder {
    static final AwsManagedPolicyCatalog INSTANCE = loadResource();
  }

  /**
   * One AWS managed policy: name, path, default version and dates as the catalog gives them, and
   * the default version's document as deflated compact JSON.
   */
  public record Entry(
      String policyName,
      String path,
      String defaultVersionId,
      Instant createDate,
      Instant updateDate,
      byte[] deflatedDocument) {

    /** The policy's ARN in {@code partition}. */
    public String arn(Partition partition) {
      return arnPrefix(partition) + path + policyName;
    }

    /**
     * A stable {@code ANPA…} ID derived from the name: the catalog has no IDs, and deriving one
     * keeps it the same across restarts and accounts, as AWS's own IDs are.
     */
    public String policyId() {
      return stableId(policyName);
    }

    /** The default version's document as compact JSON text, as the {@code aws} partition has it. */
    public String document() {
      return inflate(deflatedDocument);
    }

    /**
     * The document as {@code partition} has it: AWS publishes each partition's copy with that
     * partition's ARNs ({@code arn:aws-cn:s3:::*}), so the ARNs the catalog spells {@code arn:aws:}
     * move over.
     */
    public String document(Partition partition) {
      String document = document();
      return partition == Partition.AWS
          ? document
          : document.replace("arn:aws:", "arn:" + partition.id() + ":");
    }
  }

  /**
   * Every AWS managed policy ARN of {@code partition} starts with this; the path and name follow.
   */
  public static String arnPrefix(Partition partition) {
    return "arn:" + partition.id() + ":iam::aws:policy";
  }

  /**
   * The entry with exactly this ARN in {@code partition}, or null (also for another partition's
   * ARN).
   */
  public Entry byArn(Partition partition, String arn) {
    if (arn == null || !arn.startsWith(arnPrefix(partition) + "/")) {
      return null;
    }
    Entry entry = byKey.get(NamedStore.key(arn.substring(arn.lastIndexOf('/') + 1)));
    return entry != null && entry.arn(partition).equals(arn) ? entry : null;
  }

  /** The entry for a policy name (names are unique across AWS's paths), or null. */
  public Entry byName(String policyName) {
    return byKey.get(NamedStore.key(policyName));
  }

  /**
   * Entries in name order keyed by {@link NamedStore#key}, after {@code keyExclusive} when given.
   */
  public NavigableMap<String, Entry> after(String keyExclusive) {
    return keyExclusive == null ? byKey : byKey.tailMap(keyExclusive, false);
  }

  public int size() {
    return byKey.size();
  }

  static AwsManagedPolicyCatalog loadResource() {
    try (InputStream raw = AwsManagedPolicyCatalog.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return load(new GZIPInputStream(raw, 64 * 1024));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Parses the catalog JSON: {@code {"Name": {"Path", "DefaultVersionId", "CreateDate",
   * "UpdateDate", "Document": {…}, …}, …}}. The vendored file is already compact JSON, so each
   * document is cut out of the input as it stands; a document with whitespace in it is rewritten
   * compactly instead. No tree of the 3 MB file is ever built.
   */
  static AwsManagedPolicyCatalog load(InputStream json) throws IOException {
    byte[] text = json.readAllBytes();
    JsonFactory factory = new JsonFactory();
    NavigableMap<String, Entry> entries = new TreeMap<>();
    Map<String, String> shared =
        new HashMap<>(); // paths and version IDs repeat: keep one copy of each
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (JsonParser parser = factory.createParser(text)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        String path = "/";
        String versionId = "v1";
        Instant created = null;
        Instant updated = null;
        byte[] deflated = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (field) {
            case "Path" -> path = shared.computeIfAbsent(parser.getText(), k -> k);
            case "DefaultVersionId" -> versionId = shared.computeIfAbsent(parser.getText(), k -> k);
            case "CreateDate" -> created = timestamp(parser.getText());
            case "UpdateDate" -> updated = timestamp(parser.getText());
            case "Document" -> {
              int start = (int) parser.currentTokenLocation().getByteOffset();
              parser.skipChildren();
              int end = (int) parser.currentLocation().getByteOffset();
              deflated = deflate(deflater, compact(factory, text, start, end));
            }
            default -> {
              if (value.isStructStart()) {
                parser.skipChildren();
              }
            }
          }
        }
        if (deflated == null || created == null) {
          throw new IOException("catalog entry " + name + " lacks Document or CreateDate");
        }
        entries.put(
            NamedStore.key(name),
            new Entry(
                name, path, versionId, created, updated == null ? created : updated, deflated));
      }
    } finally {
      deflater.end();
    }
    return new AwsManagedPolicyCatalog(entries);
  }

  /** The JSON value at {@code text[start, end)} as compact JSON bytes. */
  private static byte[] compact(JsonFactory factory, byte[] text, int start, int end)
      throws IOException {
    boolean spaced = false;
    for (int i = start; i < end && !spaced; i++) {
      byte b = text[i];
      spaced = b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
    if (!spaced) {
      return java.util.Arrays.copyOfRange(text, start, end);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
    try (JsonParser value = factory.createParser(text, start, end - start);
        JsonGenerator compact = factory.createGenerator(out)) {
      value.nextToken();
      compact.copyCurrentStructure(value);
    }
    return out.toByteArray();
  }

  /**
   * The catalog's {@code 2015-02-06T18:39:48+00:00}; parsed by hand, java.time's parsers are slow
   * to warm up.
   */
  private static Instant timestamp(String text) {
    if (text.length() == 25 && text.endsWith("+00:00") && text.charAt(10) == 'T') {
      LocalDate date = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
      int seconds = digits(text, 11, 13) * 3600 + digits(text, 14, 16) * 60 + digits(text, 17, 19);
      return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + seconds);
    }
    return OffsetDateTime.parse(text).toInstant();
  }

  private static int digits(String text, int from, int to) {
    return Integer.parseInt(text, from, to, 10);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("catalog: expected " + expected + " but found " + actual);
    }
  }

  private static byte[] deflate(Deflater deflater, byte[] input) {
    deflater.reset();
    deflater.setInput(input);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 4 + 64);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    return out.toByteArray();
  }

  private static String inflate(byte[] deflated) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(deflated);
      ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 5);
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("truncated catalog document");
        }
        out.write(buffer, 0, n);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (DataFormatException e) {
      throw new IllegalStateException("corrupt catalog document", e);
    } finally {
      inflater.end();
    }
  }

  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  static String stableId(String policyName) {
    byte[] hash = Sha256.digest(policyName.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[17];
    for (int i = 0; i < out.length; i++) {
      out[i] = BASE32[(hash[i] & 0xff) % 32];
    }
    return IdPrefix.ANPA.name() + new String(out);
  }
}
