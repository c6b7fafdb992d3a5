package io.iamlocal.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.xml.XmlResponseWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Fuzzes the XML renderers: random values, shaped by a random operation's output shape, rendered by
 * {@link XmlResponseWriter}, and random error messages rendered by {@link ErrorRenderer}, must give
 * well-formed XML (parsed back with the JDK parser from the UTF-8 wire bytes) whose text is each
 * string as given, less only the characters XML 1.0 cannot carry.
 */
class XmlResponseFuzzTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");
  private static final ServiceModel STS = ServiceModel.load("sts-2011-06-15");
  private static final List<OperationModel> OPERATIONS = withOutput();
  private static final long MIN_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
  private static final int MAX_DEPTH = 6;

  @FuzzTest(maxDuration = "60s")
  void renderOutput(FuzzedDataProvider data) {
    OperationModel operation = OPERATIONS.get(data.consumeInt(0, OPERATIONS.size() - 1));
    List<String> strings = new ArrayList<>();
    Map<String, Object> output = structure(operation.output(), data, 0, strings);
    String message = data.consumeString(200);

    String xml = XmlResponseWriter.render(operation, output, "req-1");
    Document doc = FuzzXml.parse(xml);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo(operation.name() + "Response");
    Map<String, Integer> leafTexts = new HashMap<>();
    collectLeaves(doc.getDocumentElement(), leafTexts);
    for (String s : strings) {
      assertThat(leafTexts)
          .as("text of %s (code points %s) in\n%s", s, s.codePoints().boxed().toList(), xml)
          .containsKey(FuzzXml.carried(s));
    }

    Document error =
        FuzzXml.parse(
            ErrorRenderer.render(
                operation.service().xmlNamespace(),
                AwsErrorCode.VALIDATION_ERROR,
                message,
                "req-1"));
    String rendered = error.getElementsByTagNameNS("*", "Message").item(0).getTextContent();
    assertThat(rendered).isEqualTo(FuzzXml.carried(message));
  }

  private static Map<String, Object> structure(
      Shape shape, FuzzedDataProvider data, int depth, List<String> strings) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (depth > MAX_DEPTH) {
      return out;
    }
    for (String member : shape.memberNames()) {
      if (data.consumeBoolean()) {
        out.put(member, value(shape.member(member), data, depth + 1, strings));
      }
    }
    return out;
  }

  private static Object value(
      Shape shape, FuzzedDataProvider data, int depth, List<String> strings) {
    return switch (shape.type()) {
      case STRUCTURE -> structure(shape, data, depth, strings);
      case LIST -> {
        List<Object> items = new ArrayList<>();
        int n = depth > MAX_DEPTH ? 0 : data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
          items.add(value(shape.listMember(), data, depth + 1, strings));
        }
        yield items;
      }
      case MAP -> {
        Map<Object, Object> entries = new LinkedHashMap<>();
        int n = depth > MAX_DEPTH ? 0 : data.consumeInt(0, 3);
        for (int i = 0; i < n; i++) {
          Object key = value(shape.mapKey(), data, depth + 1, strings);
          if (!entries.containsKey(key)) { // a repeated key's value would replace, not add, text
            entries.put(key, value(shape.mapValue(), data, depth + 1, strings));
          }
        }
        yield entries;
      }
      case STRING -> {
        String s = data.consumeString(40);
        strings.add(s);
        yield s;
      }
      case INTEGER -> data.consumeInt();
      case LONG -> data.consumeLong();
      case DOUBLE -> data.consumeRegularDouble();
      case BOOLEAN -> data.consumeBoolean();
      case TIMESTAMP -> Instant.ofEpochSecond(data.consumeLong(MIN_SECOND, MAX_SECOND));
      case BLOB -> data.consumeBytes(32);
    };
  }

  /** Text of every element without element children, counted. */
  private static void collectLeaves(Element element, Map<String, Integer> into) {
    NodeList children = element.getChildNodes();
    boolean leaf = true;
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        leaf = false;
        collectLeaves(e, into);
      }
    }
    if (leaf) {
      into.merge(element.getTextContent(), 1, Integer::sum);
    }
  }

  private static List<OperationModel> withOutput() {
    List<OperationModel> all = new ArrayList<>();
    for (ServiceModel service : List.of(IAM, STS)) {
      service.operations().values().stream().filter(OperationModel::hasOutput).forEach(all::add);
    }
    all.sort(
        Comparator.comparing((OperationModel o) -> o.service().endpointPrefix())
            .thenComparing(OperationModel::name));
    return List.copyOf(all);
  }
}
