package io.iamlocal.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

/**
 * One page of a list operation: the items, and the sort key to resume after when truncated. Walks
 * only as far as the page needs, so a page costs O(page size) for unfiltered lists.
 */
public record Page<E>(List<E> items, String lastKey, boolean truncated) {

  public static <E> Page<E> of(NavigableMap<String, E> from, int maxItems, Predicate<E> filter) {
    List<E> items = new ArrayList<>(Math.min(maxItems, 128));
    String last = null;
    for (Map.Entry<String, E> e : from.entrySet()) {
      if (!filter.test(e.getValue())) {
        continue;
      }
      if (items.size() == maxItems) {
        return new Page<>(items, last, true);
      }
      items.add(e.getValue());
      last = e.getKey();
    }
    return new Page<>(items, last, false);
  }

  /** Pages a list already in its final order, resuming after index {@code offset}. */
  public static <E> Page<E> ofList(List<E> all, int offset, int maxItems) {
    int end = Math.min(all.size(), offset + maxItems);
    List<E> items = offset >= all.size() ? List.of() : all.subList(offset, end);
    return new Page<>(items, Integer.toString(end), end < all.size());
  }
}
