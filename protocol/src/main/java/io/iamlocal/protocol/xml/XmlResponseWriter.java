package io.iamlocal.protocol.xml;

import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.Shape;
import java.time.Instant;
import java.time.LocalDateTime;
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
   * Each thread renders into its own builder, so that a response does not grow a new one from 512
   * characters by copies (a third of a GetUser's rendering allocation). A builder that a large
   * answer grew past {@link #KEPT_CAPACITY} is dropped rather than kept for the thread's life.
   */
  private static final ThreadLocal<StringBuilder> BUILDER =
      ThreadLocal.withInitial(() -> new StringBuilder(2048));

  private static final int KEPT_CAPACITY = 32 * 1024;

  private XmlResponseWriter() {}

  /**
   * Renders {@code output}, a map of member name to value (String, Number, Boolean, Instant,
   * byte[], Map for structures and maps, Collection for lists); null members are omitted.
   */
  public static String render(OperationModel operation, Map<String, ?> output, String requestId) {
    StringBuilder out = BUILDER.get();
    out.setLength(0);
    try {
      write(out, operation, output, requestId);
      return out.toString();
    } finally {
      if (out.capacity() > KEPT_CAPACITY) {
        BUILDER.remove();
      }
    }
  }

  /**
   * {@link #render} as the UTF-8 bytes of the body, encoded from the thread's builder without an
   * intermediate String (a response's text was otherwise allocated twice).
   */
  public static byte[] renderUtf8(
      OperationModel operation, Map<String, ?> output, String requestId) {
    StringBuilder out = BUILDER.get();
    out.setLength(0);
    try {
      write(out, operation, output, requestId);
      return Utf8.bytes(out);
    } finally {
      if (out.capacity() > KEPT_CAPACITY) {
        BUILDER.remove();
      }
    }
  }

  private static void write(
      StringBuilder out, OperationModel operation, Map<String, ?> output, String requestId) {
    String name = operation.name();
    out.append('<')
        .append(name)
        .append("Response xmlns=\"")
        .append(operation.service().xmlNamespace())
        .append("\">\n");
    if (operation.hasOutput()) {
      String wrapper =
          operation.resultWrapper() == null ? name + "Result" : operation.resultWrapper();
      Map<String, ?> values = output == null ? Map.of() : output;
      indent(out, 1).append('<').append(wrapper).append(">\n");
      structureMembers(out, operation.output(), values, 2);
      indent(out, 1).append("</").append(wrapper).append(">\n");
    }
    indent(out, 1).append("<ResponseMetadata>\n");
    indent(out, 2).append("<RequestId>").append(requestId).append("</RequestId>\n");
    indent(out, 1).append("</ResponseMetadata>\n");
    out.append("</").append(name).append("Response>\n");
  }

  public static String timestamp(Instant instant) {
    StringBuilder out = new StringBuilder(20);
    appendTimestamp(out, instant);
    return out.toString();
  }

  /**
   * {@link #TIMESTAMP} without the formatter: list responses write one or two timestamps per item,
   * and DateTimeFormatter was a tenth of a ListUsers page's CPU.
   */
  static void appendTimestamp(StringBuilder out, Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (t.getYear() < 1000 || t.getYear() > 9999) {
      TIMESTAMP.formatTo(instant, out);
      return;
    }
    out.append(t.getYear()).append('-');
    twoDigits(out, t.getMonthValue()).append('-');
    twoDigits(out, t.getDayOfMonth()).append('T');
    twoDigits(out, t.getHour()).append(':');
    twoDigits(out, t.getMinute()).append(':');
    twoDigits(out, t.getSecond()).append('Z');
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  @SuppressWarnings("unchecked")
  private static void structureMembers(
      StringBuilder out, Shape shape, Map<String, ?> values, int depth) {
    int written = 0;
    for (Shape.Member member : shape.membersWithShapes()) {
      Object v = values.get(member.name());
      if (v != null) {
        element(out, member.name(), member.shape(), v, depth);
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

  @SuppressWarnings("unchecked")
  private static void element(StringBuilder out, String name, Shape shape, Object v, int depth) {
    switch (shape.type()) {
      case STRUCTURE -> {
        indent(out, depth).append('<').append(name).append(">\n");
        structureMembers(out, shape, (Map<String, ?>) v, depth + 1);
        indent(out, depth).append("</").append(name).append(">\n");
      }
      case LIST -> {
        Collection<?> items = (Collection<?>) v;
        if (items.isEmpty()) {
          indent(out, depth).append('<').append(name).append("/>\n");
          return;
        }
        indent(out, depth).append('<').append(name).append(">\n");
        for (Object item : items) {
          element(out, "member", shape.listMember(), item, depth + 1);
        }
        indent(out, depth).append("</").append(name).append(">\n");
      }
      case MAP -> {
        Map<?, ?> entries = (Map<?, ?>) v;
        if (entries.isEmpty()) {
          indent(out, depth).append('<').append(name).append("/>\n");
          return;
        }
        indent(out, depth).append('<').append(name).append(">\n");
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          indent(out, depth + 1).append("<entry>\n");
          element(out, "key", shape.mapKey(), e.getKey(), depth + 2);
          element(out, "value", shape.mapValue(), e.getValue(), depth + 2);
          indent(out, depth + 1).append("</entry>\n");
        }
        indent(out, depth).append("</").append(name).append(">\n");
      }
      default -> {
        indent(out, depth).append('<').append(name).append('>');
        scalar(out, v);
        out.append("</").append(name).append(">\n");
      }
    }
  }

  private static void scalar(StringBuilder out, Object v) {
    if (v instanceof Instant instant) {
      appendTimestamp(out, instant);
    } else if (v instanceof byte[] bytes) {
      out.append(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else {
      XmlText.append(out, v.toString());
    }
  }

  /** Indentation up to this depth is one append of a slice of {@link #SPACES}. */
  private static final int SLICED_DEPTH = 16;

  private static final String SPACES = "  ".repeat(SLICED_DEPTH);

  private static StringBuilder indent(StringBuilder out, int depth) {
    if (depth <= SLICED_DEPTH) {
      return out.append(SPACES, 0, 2 * depth);
    }
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
    return out;
  }
}
