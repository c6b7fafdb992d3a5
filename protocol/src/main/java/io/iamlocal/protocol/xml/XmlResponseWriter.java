package io.iamlocal.protocol.xml;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.Shape;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/**
 * Writes a Query protocol success response by walking the operation's output shape, so element
 * names, order and list wrapping always follow the model: {@code <XResponse
 * xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId/></ResponseMetadata></XResponse>}.
 * Operations without output get no {@code XResult} element at all, as AWS sends them.
 */
public final class XmlResponseWriter {
  /** AWS IAM renders timestamps in ISO 8601 UTC with second precision. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Each thread renders into its own builder, so that a response does not grow a new one by copies.
   * A builder that a large answer grew past {@link #KEPT_CAPACITY} is dropped rather than kept for
   * the thread's life.
   */
  private static final ThreadLocal<Utf8Builder> BUILDER =
      ThreadLocal.withInitial(() -> new Utf8Builder(2048));

  private static final int KEPT_CAPACITY = 32 * 1024;

  private XmlResponseWriter() {}

  /**
   * Renders {@code output}, a map of member name to value (String, Number, Boolean, Instant,
   * byte[], Map for structures and maps, Collection for lists); null members are omitted.
   */
  public static String render(OperationModel operation, Map<String, ?> output, String requestId) {
    Utf8Builder out = rendered(operation, output, requestId);
    try {
      return out.toString();
    } finally {
      release(out);
    }
  }

  /** {@link #render} as the UTF-8 bytes of the body, built as bytes (no String in between). */
  public static byte[] renderUtf8(
      OperationModel operation, Map<String, ?> output, String requestId) {
    Utf8Builder out = rendered(operation, output, requestId);
    try {
      return out.toBytes();
    } finally {
      release(out);
    }
  }

  /** Takes a rendered body: {@code bytes[0, length)}, readable only during the call. */
  @FunctionalInterface
  public interface BodyTaker<T> {
    T take(byte[] bytes, int length);
  }

  /**
   * {@link #renderUtf8} handed to {@code taker} from the thread's own buffer, so that the caller
   * copies it where it wants it (a reused array) rather than get an exact-size copy to copy again.
   */
  public static <T> T renderUtf8(
      OperationModel operation, Map<String, ?> output, String requestId, BodyTaker<T> taker) {
    Utf8Builder out = rendered(operation, output, requestId);
    try {
      return out.takenBy(taker);
    } finally {
      release(out);
    }
  }

  private static Utf8Builder rendered(
      OperationModel operation, Map<String, ?> output, String requestId) {
    Utf8Builder out = BUILDER.get();
    out.clear();
    try {
      write(out, operation, output, requestId);
    } catch (RuntimeException | Error e) {
      release(out);
      throw e;
    }
    return out;
  }

  private static void release(Utf8Builder out) {
    if (out.capacity() > KEPT_CAPACITY) {
      BUILDER.remove();
    }
  }

  private static void write(
      Utf8Builder out, OperationModel operation, Map<String, ?> output, String requestId) {
    String name = operation.name();
    out.ascii('<')
        .ascii(name)
        .ascii("Response xmlns=\"")
        .ascii(operation.service().xmlNamespace())
        .ascii("\">\n");
    if (operation.hasOutput()) {
      String wrapper =
          operation.resultWrapper() == null ? name + "Result" : operation.resultWrapper();
      Map<String, ?> values = output == null ? Map.of() : output;
      indent(out, 1).ascii('<').ascii(wrapper).ascii(">\n");
      structureMembers(out, operation.output(), values, 2);
      indent(out, 1).ascii("</").ascii(wrapper).ascii(">\n");
    }
    indent(out, 1).ascii("<ResponseMetadata>\n");
    indent(out, 2).ascii("<RequestId>").raw(requestId).ascii("</RequestId>\n");
    indent(out, 1).ascii("</ResponseMetadata>\n");
    out.ascii("</").ascii(name).ascii("Response>\n");
  }

  public static String timestamp(Instant instant) {
    Utf8Builder out = new Utf8Builder(20);
    appendTimestamp(out, instant);
    return out.toString();
  }

  /**
   * {@link #TIMESTAMP} without the formatter: list responses write one or two timestamps per item,
   * and DateTimeFormatter was a tenth of a ListUsers page's CPU. The date part is kept for the last
   * day written (entities are mostly created on a few days), the time of day is plain arithmetic.
   */
  private static void appendTimestamp(Utf8Builder out, Instant instant) {
    long second = instant.getEpochSecond();
    byte[] date = DatePrefix.of(Math.floorDiv(second, SECONDS_PER_DAY));
    if (date == null) {
      out.ascii(TIMESTAMP.format(instant));
      return;
    }
    int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
    out.bytes(date);
    out.digits(secondOfDay / 3600, 2).ascii(':');
    out.digits(secondOfDay / 60 % 60, 2).ascii(':');
    out.digits(secondOfDay % 60, 2).ascii('Z');
  }

  private static final long SECONDS_PER_DAY = 86_400;

  /** A day's {@code yyyy-MM-ddT}, the last one asked for kept (immutable: racy reads are safe). */
  private record DatePrefix(long epochDay, byte[] text) {
    private static volatile DatePrefix last = new DatePrefix(Long.MIN_VALUE, null);

    /** The prefix of {@code epochDay}, or null outside years 1000-9999 (the formatter's job). */
    static byte[] of(long epochDay) {
      DatePrefix kept = last;
      if (kept.epochDay == epochDay) {
        return kept.text;
      }
      LocalDate date = LocalDate.ofEpochDay(epochDay);
      byte[] text = null;
      if (date.getYear() >= 1000 && date.getYear() <= 9999) {
        Utf8Builder b = new Utf8Builder(11);
        b.digits(date.getYear(), 4).ascii('-');
        b.digits(date.getMonthValue(), 2).ascii('-');
        b.digits(date.getDayOfMonth(), 2).ascii('T');
        text = b.toBytes();
      }
      last = new DatePrefix(epochDay, text);
      return text;
    }
  }

  private static void structureMembers(
      Utf8Builder out, Shape shape, Map<String, ?> values, int depth) {
    XmlElements.Element[] members = XmlElements.of(shape).members;
    if (values instanceof OrderedMembers ordered) {
      int mark = out.length();
      if (writtenByIdentity(out, members, ordered, depth)) {
        return;
      }
      out.truncate(mark); // a member named by an equal but other string: look them up by name
    }
    int written = 0;
    for (XmlElements.Element member : members) {
      Object v = values.get(member.name());
      if (v != null) {
        element(out, member, v, depth);
        written++;
      }
    }
    if (written != values.size()) { // a null value, or a key the shape does not have
      for (String key : values.keySet()) {
        if (!shape.hasMember(key)) {
          throw new IllegalStateException(shape.name() + " has no member " + key);
        }
      }
    }
  }

  /**
   * Writes the members of {@code values} found by identity with a model member's (interned) name,
   * each searched from where the previous one was found, so members added in model order are found
   * at the first probe; true when that found every member of {@code values}.
   */
  private static boolean writtenByIdentity(
      Utf8Builder out, XmlElements.Element[] members, OrderedMembers values, int depth) {
    int size = values.size();
    int found = 0;
    int from = 0;
    for (XmlElements.Element member : members) {
      int at = positionOf(values, member.name(), from, size);
      if (at >= 0) {
        found++;
        from = at + 1 == size ? 0 : at + 1;
        Object v = values.valueAt(at);
        if (v != null) {
          element(out, member, v, depth);
        }
      }
    }
    return found == size;
  }

  /** Where {@code name} (this very string) is among {@code values}, searched from {@code from}. */
  private static int positionOf(OrderedMembers values, String name, int from, int size) {
    for (int i = from; i < size; i++) {
      if (values.nameAt(i) == name) {
        return i;
      }
    }
    for (int i = 0; i < from; i++) {
      if (values.nameAt(i) == name) {
        return i;
      }
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static void element(Utf8Builder out, XmlElements.Element element, Object v, int depth) {
    Shape shape = element.shape();
    switch (element.type()) {
      case STRUCTURE -> {
        indent(out, depth).bytes(element.open()).ascii('\n');
        structureMembers(out, shape, (Map<String, ?>) v, depth + 1);
        indent(out, depth).bytes(element.close());
      }
      case LIST -> {
        Collection<?> items = (Collection<?>) v;
        if (items.isEmpty()) {
          empty(out, element, depth);
          return;
        }
        indent(out, depth).bytes(element.open()).ascii('\n');
        XmlElements.Element member = XmlElements.of(shape).item;
        for (Object item : items) {
          element(out, member, item, depth + 1);
        }
        indent(out, depth).bytes(element.close());
      }
      case MAP -> {
        Map<?, ?> entries = (Map<?, ?>) v;
        if (entries.isEmpty()) {
          empty(out, element, depth);
          return;
        }
        indent(out, depth).bytes(element.open()).ascii('\n');
        XmlElements elements = XmlElements.of(shape);
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          indent(out, depth + 1).ascii("<entry>\n");
          element(out, elements.item, e.getKey(), depth + 2);
          element(out, elements.value, e.getValue(), depth + 2);
          indent(out, depth + 1).ascii("</entry>\n");
        }
        indent(out, depth).bytes(element.close());
      }
      default -> {
        indent(out, depth).bytes(element.open());
        scalar(out, v);
        out.bytes(element.close());
      }
    }
  }

  /** An empty list or map: {@code <Name/>}. */
  private static void empty(Utf8Builder out, XmlElements.Element element, int depth) {
    indent(out, depth).ascii('<').ascii(element.name()).ascii("/>\n");
  }

  private static void scalar(Utf8Builder out, Object v) {
    if (v instanceof String text) {
      out.text(text);
    } else if (v instanceof Instant instant) {
      appendTimestamp(out, instant);
    } else if (v instanceof byte[] bytes) {
      out.ascii(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof Number || v instanceof Boolean) {
      out.ascii(v.toString());
    } else {
      out.text(v.toString());
    }
  }

  /** Indentation up to this depth is one append of a slice of {@link #SPACES}. */
  private static final int SLICED_DEPTH = 16;

  private static final String SPACES = "  ".repeat(SLICED_DEPTH);

  private static Utf8Builder indent(Utf8Builder out, int depth) {
    if (depth <= SLICED_DEPTH) {
      return out.ascii(SPACES, 0, 2 * depth);
    }
    for (int i = 0; i < depth; i++) {
      out.ascii("  ");
    }
    return out;
  }
}
