package io.iamlocal.server.iam;

import io.iamlocal.protocol.query.Params;
import io.iamlocal.server.dispatch.Struct;
import io.iamlocal.server.state.Tags;
import java.util.List;

/** Reads the {@code Tags} member of a request and renders a tag for output. */
public final class TagParams {
  private TagParams() {}

  public static List<Tags.Tag> read(Params params) {
    return params.structs("Tags").stream()
        .map(t -> new Tags.Tag(t.string("Key"), t.string("Value")))
        .toList();
  }

  public static Struct view(Tags.Tag tag) {
    return new Struct(2).with("Key", tag.key()).with("Value", tag.value());
  }

  /**
   * The tags as an output list, empty when there are none (GetPolicy, GetInstanceProfile, account
   * details).
   */
  static List<Struct> views(Tags tags) {
    List<Tags.Tag> list = tags.list();
    Struct[] views = new Struct[list.size()];
    for (int i = 0; i < views.length; i++) {
      views[i] = view(list.get(i));
    }
    return List.of(views);
  }

  /**
   * The tags as an output list, or null (the member left out) when there are none (the Create*
   * answers).
   */
  static List<Struct> viewsOrNull(Tags tags) {
    return tags.isEmpty() ? null : views(tags);
  }
}
