package io.iamlocal.server.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.state.Tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagsTest {
  @Test
  void keepsFirstTaggedOrderAndOverwritesCaseInsensitivelyInPlace() {
    Tags tags = new Tags();
    tags.apply(List.of(new Tag("Dept", "a"), new Tag("team", "b")), "TagsPerUser");
    tags.apply(List.of(new Tag("DEPT", "c"), new Tag("env", "d")), "TagsPerUser");
    assertEquals(List.of(new Tag("DEPT", "c"), new Tag("team", "b"), new Tag("env", "d")), tags.list());
    assertEquals("c", tags.get("dept"));
    assertEquals("b", tags.get("TEAM"));
    assertNull(tags.get("nope"));
  }

  @Test
  void removesByKeyWhateverTheCase() {
    Tags tags = new Tags();
    tags.apply(List.of(new Tag("Dept", "a"), new Tag("team", "b"), new Tag("env", "c")), "TagsPerUser");
    tags.remove(List.of("dept", "ENV", "absent"));
    assertEquals(List.of(new Tag("team", "b")), tags.list());
    tags.remove(List.of("Team"));
    assertTrue(tags.isEmpty());
  }

  @Test
  void refusesTheFiftyFirstNewKeyButNotAnOverwrite() {
    Tags tags = new Tags();
    List<Tag> fifty = new ArrayList<>();
    for (int i = 0; i < Tags.MAX_TAGS; i++) {
      fifty.add(new Tag("k" + i, "v"));
    }
    tags.apply(fifty, "TagsPerUser");
    tags.apply(List.of(new Tag("K7", "w")), "TagsPerUser");
    assertEquals(Tags.MAX_TAGS, tags.size());
    AwsServiceException e = assertThrows(AwsServiceException.class,
        () -> tags.apply(List.of(new Tag("new", "v")), "TagsPerUser"));
    assertEquals("Cannot exceed quota for TagsPerUser: 50", e.getMessage());
    assertEquals(Tags.MAX_TAGS, tags.size());
  }
}
