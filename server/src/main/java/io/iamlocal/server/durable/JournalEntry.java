package io.iamlocal.server.durable;

import io.iamlocal.server.authz.EnforcementMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One journalled state change and its binary form. {@link Kind#OPERATION} is an IAM or STS call
 * (its Query parameters, who made it, request facts); {@link Kind#RESET} a whole-state reset;
 * {@link Kind#SEED} the application of a seed document (as JSON). Each carries the tape of clock
 * instants and random values it consumed (see {@code state.Tape}). An operation also records the
 * enforcement mode it was decided under, so replay decides it the same way whatever {@code
 * --enforce} the server restarts with (format 1 entries, written before, replay as strict), and the
 * account it acted in (format 3; older entries acted in the default account, {@code account} null).
 */
public record JournalEntry(
    Kind kind,
    String service,
    String operation,
    CallerRef caller,
    String region,
    String requestId,
    String sourceIp,
    boolean secureTransport,
    String userAgent,
    EnforcementMode enforcement,
    Map<String, String> params,
    String document,
    List<Object> tape,
    AccountRef account) {

  /** An entry of the default account (entries before format 3, and tests). */
  public JournalEntry(
      Kind kind,
      String service,
      String operation,
      CallerRef caller,
      String region,
      String requestId,
      String sourceIp,
      boolean secureTransport,
      String userAgent,
      EnforcementMode enforcement,
      Map<String, String> params,
      String document,
      List<Object> tape) {
    this(
        kind,
        service,
        operation,
        caller,
        region,
        requestId,
        sourceIp,
        secureTransport,
        userAgent,
        enforcement,
        params,
        document,
        tape,
        null);
  }

  /** The account an operation acted in: partition ID and account ID. */
  public record AccountRef(String partition, String accountId) {}

  /** The kinds of entry. */
  public enum Kind {
    OPERATION,
    RESET,
    SEED
  }

  /** How the caller is found again on replay. */
  public enum CallerMode {
    ANONYMOUS,
    ROOT,
    BY_ACCESS_KEY
  }

  /** The caller of an operation: unsigned, root by its key ID, or whoever owns the signing key. */
  public record CallerRef(CallerMode mode, String accessKeyId) {}

  static final int FORMAT = 3;
  private static final int FORMAT_WITHOUT_ENFORCEMENT = 1;
  private static final int FORMAT_WITHOUT_ACCOUNT = 2;
  private static final byte INSTANT = 1;
  private static final byte CHARS = 2;
  private static final byte BYTES = 3;

  public static JournalEntry reset(List<Object> tape) {
    return new JournalEntry(
        Kind.RESET, null, null, null, null, null, null, false, null, null, Map.of(), null, tape);
  }

  public static JournalEntry seed(String json, List<Object> tape) {
    return new JournalEntry(
        Kind.SEED, null, null, null, null, null, null, false, null, null, Map.of(), json, tape);
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeByte(kind.ordinal());
      if (kind == Kind.OPERATION) {
        writeString(out, service);
        writeString(out, operation);
        out.writeByte(caller.mode().ordinal());
        writeString(out, caller.accessKeyId());
        writeString(out, region);
        writeString(out, requestId);
        writeString(out, sourceIp);
        out.writeBoolean(secureTransport);
        writeString(out, userAgent);
        out.writeByte(enforcement.ordinal());
        writeString(out, account == null ? null : account.partition());
        writeString(out, account == null ? null : account.accountId());
        out.writeInt(params.size());
        for (Map.Entry<String, String> p : params.entrySet()) {
          writeString(out, p.getKey());
          writeString(out, p.getValue());
        }
      } else if (kind == Kind.SEED) {
        writeString(out, document);
      }
      out.writeInt(tape.size());
      for (Object value : tape) {
        if (value instanceof Instant instant) {
          out.writeByte(INSTANT);
          out.writeLong(instant.getEpochSecond());
          out.writeInt(instant.getNano());
        } else if (value instanceof String chars) {
          out.writeByte(CHARS);
          writeString(out, chars);
        } else {
          byte[] b = (byte[]) value;
          out.writeByte(BYTES);
          out.writeInt(b.length);
          out.write(b);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes an entry; throws {@link IOException} when the bytes are not one. */
  public static JournalEntry decode(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    int format = in.readUnsignedByte();
    if (format != FORMAT
        && format != FORMAT_WITHOUT_ENFORCEMENT
        && format != FORMAT_WITHOUT_ACCOUNT) {
      throw new IOException("unknown entry format " + format);
    }
    Kind kind = enumAt(Kind.values(), in.readUnsignedByte());
    String service = null;
    String operation = null;
    CallerRef caller = null;
    String region = null;
    String requestId = null;
    String sourceIp = null;
    boolean secure = false;
    String userAgent = null;
    EnforcementMode enforcement = null;
    AccountRef account = null;
    Map<String, String> params = new TreeMap<>();
    String document = null;
    if (kind == Kind.OPERATION) {
      service = readString(in);
      operation = readString(in);
      caller = new CallerRef(enumAt(CallerMode.values(), in.readUnsignedByte()), readString(in));
      region = readString(in);
      requestId = readString(in);
      sourceIp = readString(in);
      secure = in.readBoolean();
      userAgent = readString(in);
      enforcement =
          format == FORMAT_WITHOUT_ENFORCEMENT
              ? EnforcementMode.STRICT
              : enumAt(EnforcementMode.values(), in.readUnsignedByte());
      if (format == FORMAT) {
        String partition = readString(in);
        String accountId = readString(in);
        account = partition == null ? null : new AccountRef(partition, accountId);
      }
      int n = count(in.readInt(), data.length);
      for (int i = 0; i < n; i++) {
        params.put(readString(in), readString(in));
      }
    } else if (kind == Kind.SEED) {
      document = readString(in);
    }
    int n = count(in.readInt(), data.length);
    List<Object> tape = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      byte type = in.readByte();
      switch (type) {
        case INSTANT -> tape.add(Instant.ofEpochSecond(in.readLong(), in.readInt()));
        case CHARS -> tape.add(readString(in));
        case BYTES -> {
          byte[] b = new byte[count(in.readInt(), data.length)];
          in.readFully(b);
          tape.add(b);
        }
        default -> throw new IOException("unknown tape value type " + type);
      }
    }
    if (in.available() != 0) {
      throw new IOException(in.available() + " trailing bytes");
    }
    return new JournalEntry(
        kind,
        service,
        operation,
        caller,
        region,
        requestId,
        sourceIp,
        secure,
        userAgent,
        enforcement,
        params,
        document,
        tape,
        account);
  }

  private static <E> E enumAt(E[] values, int ordinal) throws IOException {
    if (ordinal >= values.length) {
      throw new IOException(
          "unknown value " + ordinal + " for " + values[0].getClass().getSimpleName());
    }
    return values[ordinal];
  }

  private static int count(int n, int limit) throws IOException {
    if (n < 0 || n > limit) {
      throw new IOException("bad length " + n);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > in.available()) {
      throw new IOException("bad string length " + n);
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
