package io.iamlocal.server.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.Tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
  private static Tag tag(String key, String value) {
    return new Tag(key, value);
  }

  /**
   * Roles and most resources: keys differ by more than case; the later casing is kept (recorded).
   */
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

  @Test
  void keepsFirstTaggedOrderAndOverwritesCaseInsensitivelyInPlace() {
    Tags tags = new Tags();
    tags.apply(List.of(tag("Dept", "a"), tag("team", "b")), "TagsPerUser");
    tags.apply(List.of(tag("DEPT", "c"), tag("env", "d")), "TagsPerUser");
    assertThat(tags.list()).containsExactly(tag("DEPT", "c"), tag("team", "b"), tag("env", "d"));
    assertThat(tags.get("dept")).isEqualTo("c");
    assertThat(tags.get("TEAM")).isEqualTo("b");
    assertThat(tags.get("nope")).isNull();
  }

  @Test
  void removesByKeyWhateverTheCase() {
    Tags tags = new Tags();
    tags.apply(List.of(tag("Dept", "a"), tag("team", "b"), tag("env", "c")), "TagsPerUser");
    tags.remove(List.of("dept", "ENV", "absent"));
    assertThat(tags.list()).containsExactly(tag("team", "b"));
    tags.remove(List.of("Team"));
    assertThat(tags.isEmpty()).isTrue();
  }

  @Test
  void refusesTheFiftyFirstNewKeyButNotAnOverwrite() {
    Tags tags = new Tags();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < Tags.MAX_TAGS; i++) {
      fifty.add(tag("k" + i, "v"));
    }
    tags.apply(fifty, "TagsPerUser");
    tags.apply(List.of(tag("K7", "w")), "TagsPerUser");
    assertThat(tags.size()).isEqualTo(Tags.MAX_TAGS);
    assertThatThrownBy(() -> tags.apply(List.of(tag("new", "v")), "TagsPerUser"))
        .isInstanceOf(AwsServiceException.class)
        .hasMessage("Cannot exceed quota for TagsPerUser: 50");
    assertThat(tags.size()).isEqualTo(Tags.MAX_TAGS);
  }

  /**
   * Managed policies: A and a are two tags, listed shorter keys first then by code point
   * (recorded).
   */
  @Test
  void managedPolicyKeysAreCaseSensitive() {
    Tags tags = Tags.caseSensitive();
    tags.apply(
        List.of(
            tag("abc", "first"),
            tag("b", "second"),
            tag("z", "third"),
            tag("a", "fourth"),
            tag("A", "fifth")),
        "TagsPerPolicy");
    assertThat(tags.list().stream().sorted(Tags.POLICY_LISTING_ORDER).map(Tag::key))
        .containsExactly("A", "a", "b", "z", "abc");
    tags.remove(List.of("a"));
    assertThat(tags.get("A")).isEqualTo("fifth");
    assertThat(tags.get("a")).isNull();
    assertThatThrownBy(() -> Tags.checkRequest(List.of(tag("0", ""), tag("0", "")), true))
        .hasMessage("Duplicate tag keys found.");
  }
}
