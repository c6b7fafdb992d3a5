package io.iamlocal.protocol.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.protocol.error.ErrorRenderer;
import io.iamlocal.protocol.model.OperationModel;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.model.ShapeType;
import io.iamlocal.protocol.query.FormDecoder;
import io.iamlocal.protocol.query.QueryInputDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fuzzes the Query request path up to the handler: form decoding ({@link FormDecoder}) then model
 * decoding and validation ({@link QueryInputDecoder}) for any operation of the IAM and STS models.
 *
 * <p>Input: a first line naming the operation ({@code iam:CreateUser}; anything else picks one by
 * hash), then the form body. Whatever the bytes, the only acceptable failures are AWS errors a
 * client can be sent (ValidationError, MalformedQueryString), whose rendered body is well-formed
 * XML and never echoes a sensitive member's value.
 */
class QueryInputFuzzTest {
  private static final ServiceModel IAM = ServiceModel.load("iam-2010-05-08");
  private static final ServiceModel STS = ServiceModel.load("sts-2011-06-15");
  private static final List<OperationModel> OPERATIONS = operations();

  @FuzzTest(maxDuration = "60s")
  void decodeOperationInput(byte[] input) {
    int newline = indexOf(input, (byte) '\n');
    String selector =
        new String(input, 0, newline < 0 ? input.length : newline, StandardCharsets.UTF_8);
    OperationModel operation = select(selector);
    int bodyStart = newline < 0 ? input.length : newline + 1;

    Map<String, String> params = new TreeMap<>();
    try {
      FormDecoder.decodeInto(input, bodyStart, input.length - bodyStart, params);
      QueryInputDecoder.decode(operation.input(), params);
    } catch (AwsServiceException e) {
      assertThat(e.errorCode())
          .isIn(AwsErrorCode.VALIDATION_ERROR, AwsErrorCode.MALFORMED_QUERY_STRING);
      assertThat(e.getMessage()).isNotNull();
      FuzzXml.parse(
          ErrorRenderer.render(
              operation.service().xmlNamespace(), e.errorCode(), e.getMessage(), "r"));
      if (operation.input() != null) {
        params.forEach(
            (key, value) -> {
              Shape shape = shapeAt(operation.input(), key);
              if (shape != null && shape.isSensitive() && !value.isEmpty()) {
                assertThat(e.getMessage())
                    .as("sensitive %s echoed", key)
                    .doesNotContain("Value '" + value + "'");
              }
            });
      }
    }
  }

  private static OperationModel select(String selector) {
    int colon = selector.indexOf(':');
    if (colon > 0) {
      ServiceModel service = "sts".equals(selector.substring(0, colon)) ? STS : IAM;
      OperationModel named = service.operation(selector.substring(colon + 1).strip());
      if (named != null) {
        return named;
      }
    }
    return OPERATIONS.get(Math.floorMod(selector.hashCode(), OPERATIONS.size()));
  }

  /** The shape a flat Query key ({@code Tags.member.2.Key}) addresses, or null if none. */
  static Shape shapeAt(Shape root, String key) {
    Shape shape = root;
    List<String> parts = Arrays.asList(key.split("\\.", -1));
    for (int i = 0; i < parts.size() && shape != null; i++) {
      String part = parts.get(i);
      if (shape.type() == ShapeType.STRUCTURE) {
        shape = shape.member(part);
      } else if (shape.type() == ShapeType.LIST && "member".equals(part) && i + 1 < parts.size()) {
        shape = shape.listMember();
        i++; // the index
      } else if (shape.type() == ShapeType.MAP && "entry".equals(part) && i + 2 < parts.size()) {
        shape = "key".equals(parts.get(i + 2)) ? shape.mapKey() : shape.mapValue();
        i += 2;
      } else {
        return null;
      }
    }
    return shape;
  }

  private static List<OperationModel> operations() {
    List<OperationModel> all = new ArrayList<>(IAM.operations().values());
    all.addAll(STS.operations().values());
    all.sort(
        Comparator.comparing((OperationModel o) -> o.service().endpointPrefix())
            .thenComparing(OperationModel::name));
    return List.copyOf(all);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
