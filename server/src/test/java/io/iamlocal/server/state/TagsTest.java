package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
  private static Tags.Tag tag(String key, String value) {
    return new Tags.Tag(key, value);
  }

  /** Roles and most resources: keys differ by more than case; the later casing is kept (recorded). */
  @Test
  void keysAreCaseInsensitiveByDefault() {
    Tags tags = new Tags();
    tags.apply(List.of(tag("somekey", "v1")), "TagsPerRole");
    tags.apply(List.of(tag("Somekey", "v2")), "TagsPerRole");
    assertThat(tags.list()).containsExactly(tag("Somekey", "v2"));
    assertThatThrownBy(() -> Tags.checkRequest(List.of(tag("a", ""), tag("A", ""))))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }

  /** Managed policies: A and a are two tags, listed shorter keys first then by code point (recorded). */
  @Test
  void managedPolicyKeysAreCaseSensitive() {
    Tags tags = Tags.caseSensitive();
    tags.apply(List.of(tag("abc", "first"), tag("b", "second"), tag("z", "third"), tag("a", "fourth"), tag("A", "fifth")), "TagsPerPolicy");
    assertThat(tags.list().stream().sorted(Tags.POLICY_LISTING_ORDER).map(Tags.Tag::key)).containsExactly("A", "a", "b", "z", "abc");
    tags.remove(List.of("a"));
    assertThat(tags.get("A")).isEqualTo("fifth");
    assertThat(tags.get("a")).isNull();
    assertThatThrownBy(() -> Tags.checkRequest(List.of(tag("0", ""), tag("0", "")), true)).hasMessage("Duplicate tag keys found.");
  }
}
