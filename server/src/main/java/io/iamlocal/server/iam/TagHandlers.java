package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.OperationHandler;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.state.Tags;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Tag*, Untag* and List*Tags handlers, which are the same for every taggable resource but for
 * how the resource is found and how a Tag* call's limit is reported. Each handler finds the
 * resource before reading the tags, so an unknown resource is reported first.
 */
final class TagHandlers {
  private TagHandlers() {}

  /** Tag*, with the {@code Cannot exceed quota for <quota>} limit of users, roles, policies… */
  static OperationHandler tag(Function<OperationCall, Tags> target, String quota) {
    return tag(target, (tags, requested) -> tags.apply(requested, quota));
  }

  /** Tag*, applying the requested tags with {@code apply} (e.g. {@link ResourceTags#apply}). */
  static OperationHandler tag(
      Function<OperationCall, Tags> target, BiConsumer<Tags, List<Tags.Tag>> apply) {
    return call -> {
      Tags tags = target.apply(call);
      apply.accept(tags, TagParams.read(call.params()));
      return null;
    };
  }

  /**
   * Untag*: removes the {@code TagKeys} (case-insensitively but on managed policies; unknown keys
   * are ignored).
   */
  static OperationHandler untag(Function<OperationCall, Tags> target) {
    return call -> {
      target.apply(call).remove(call.params().strings("TagKeys"));
      return null;
    };
  }

  /** List*Tags: one page of the tags, in the order they were first added. */
  static OperationHandler list(Function<OperationCall, Tags> target) {
    return call -> Pagination.page(call, target.apply(call).list(), "Tags", TagParams::view);
  }

  /** List*Tags: one page of the tags, in {@code order}. */
  static OperationHandler list(Function<OperationCall, Tags> target, Comparator<Tags.Tag> order) {
    return call ->
        Pagination.page(
            call,
            target.apply(call).list().stream().sorted(order).toList(),
            "Tags",
            TagParams::view);
  }
}
