package io.iamlocal.server.dispatch;

import io.iamlocal.server.state.NamedStore;
import io.iamlocal.server.state.Page;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * IAM's Marker/MaxItems pagination (iam-2010-05-08.paginators.json): 100 items by default, {@code
 * IsTruncated} always present, {@code Marker} only when more remain.
 */
public final class Pagination {
  public static final int DEFAULT_MAX_ITEMS = 100;

  private Pagination() {}

  /**
   * A page of a name-ordered store, filtered, mapped to output structures under {@code listMember}.
   */
  public static <E> Struct page(
      OperationCall call,
      NamedStore<E> store,
      Predicate<E> filter,
      String listMember,
      Function<E, ?> view) {
    String after = Markers.decode(call.operation(), call.params().string("Marker"));
    int maxItems = call.params().integer("MaxItems", DEFAULT_MAX_ITEMS);
    Page<E> page = Page.of(store.after(after), maxItems, filter);
    return output(call, page, listMember, view);
  }

  /** A page of an already ordered list. */
  public static <E> Struct page(
      OperationCall call, List<E> all, String listMember, Function<E, ?> view) {
    String after = Markers.decode(call.operation(), call.params().string("Marker"));
    int offset = after == null ? 0 : Integer.parseInt(after);
    int maxItems = call.params().integer("MaxItems", DEFAULT_MAX_ITEMS);
    return output(call, Page.ofList(all, offset, maxItems), listMember, view);
  }

  private static <E> Struct output(
      OperationCall call, Page<E> page, String listMember, Function<E, ?> view) {
    return new Struct()
        .with(listMember, page.items().stream().map(view).toList())
        .with("IsTruncated", page.truncated())
        .with("Marker", page.truncated() ? Markers.encode(call.operation(), page.lastKey()) : null);
  }
}
