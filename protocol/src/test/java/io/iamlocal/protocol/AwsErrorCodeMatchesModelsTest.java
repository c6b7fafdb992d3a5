package io.iamlocal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.model.ServiceModel;
import io.iamlocal.protocol.model.Shape;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AwsErrorCodeMatchesModelsTest {
  private static final Map<String, AwsErrorCode> BY_CODE =
      Arrays.stream(AwsErrorCode.values())
          .collect(Collectors.toMap(AwsErrorCode::code, Function.identity()));

  @Test
  void everyModelErrorShapeHasAnEnumConstantWithTheSameStatusAndFault() {
    Stream.of(ServiceModel.load("iam-2010-05-08"), ServiceModel.load("sts-2011-06-15"))
        .flatMap(m -> m.shapes().values().stream())
        .filter(s -> s.error() != null)
        .forEach(
            shape -> {
              Shape.ErrorInfo info = shape.error();
              AwsErrorCode code = BY_CODE.get(info.code());
              assertThat(code).as(shape.name()).isNotNull();
              assertThat(code.httpStatus()).as(shape.name()).isEqualTo(info.httpStatus());
              assertThat(code.faultType())
                  .as(shape.name())
                  .isEqualTo(info.senderFault() ? "Sender" : "Receiver");
            });
  }
}
