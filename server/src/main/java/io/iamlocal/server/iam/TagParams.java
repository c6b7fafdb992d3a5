package io.iamlocal.server.iam;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.state.Tags;
import java.util.List;
import java.util.Map;

/** Reads the {@code Tags} member of a request and renders a tag for output. */
public final class TagParams {
  private TagParams() {}

  public static List<Tags.Tag> read(Params params) {
    return params.structs("Tags").stream()
        .map(t -> new Tags.Tag(t.string("Key"), t.string("Value")))
        .toList();
  }

  public static Map<String, Object> view(Tags.Tag tag) {
    return new TagView(tag);
  }

  /**
   * The tags as an output list, empty when there are none (GetPolicy, GetInstanceProfile, account
   * details).
   */
  static List<Map<String, Object>> views(Tags tags) {
    List<Tags.Tag> list = tags.list();
    @SuppressWarnings("unchecked")
    Map<String, Object>[] views = new Map[list.size()];
    for (int i = 0; i < views.length; i++) {
      views[i] = view(list.get(i));
    }
    return List.of(views);
  }

  /**
   * The tags as an output list, or null (the member left out) when there are none (the Create*
   * answers).
   */
  static List<Map<String, Object>> viewsOrNull(Tags tags) {
    return tags.isEmpty() ? null : views(tags);
  }
}
