package io.iamlocal.protocol.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Botocore's shape type names map to the constants as {@code valueOf} of the upper-cased name. */
class ShapeTypeTest {
  @Test
  void eachLowerCaseNameIsItsConstant() {
    for (ShapeType type : ShapeType.values()) {
      assertThat(ShapeType.of(type.name().toLowerCase(Locale.ROOT))).isEqualTo(type);
    }
    assertThat(ShapeType.of("float")).isEqualTo(ShapeType.DOUBLE);
  }

  @Test
  void otherSpellingsFallBackToValueOf() {
    assertThat(ShapeType.of("Structure")).isEqualTo(ShapeType.STRUCTURE);
    assertThatThrownBy(() -> ShapeType.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShapeType.of("union")).isInstanceOf(IllegalArgumentException.class);
  }
}
