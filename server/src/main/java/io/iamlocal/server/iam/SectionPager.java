package io.iamlocal.server.iam;

import io.iamlocal.server.dispatch.Markers;
import io.iamlocal.server.dispatch.OperationCall;
import io.iamlocal.server.dispatch.Pagination;
import io.iamlocal.server.dispatch.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Pages across several name-ordered sections (customer then AWS policies; users, groups, roles,
 * policies) as if they were one list. The resume key is {@code section:key}, so a page costs O(log
 * n + page) and stays right when entities come and go between pages.
 */
final class SectionPager {
  private final List<Section<?>> sections = new ArrayList<>();

  private record Section<E>(
      String id, NavigableMap<String, E> items, Predicate<E> filter, Consumer<E> emit) {
    NavigableMap<String, E> after(String key) {
      return key == null ? items : items.tailMap(key, false);
    }
  }

  /**
   * Adds a section; {@code emit} receives each item of the page, in order. Ids must not contain
   * ':'.
   */
  <E> SectionPager section(
      String id, NavigableMap<String, E> items, Predicate<E> filter, Consumer<E> emit) {
    sections.add(new Section<>(id, items, filter, emit));
    return this;
  }

  /** Emits the call's page and returns IsTruncated and Marker for the output. */
  Struct page(OperationCall call) {
    String resume = Markers.decode(call.operation(), call.params().string("Marker"));
    int maxItems = call.params().integer("MaxItems", Pagination.DEFAULT_MAX_ITEMS);
    String resumeKey = run(resume, maxItems);
    return new Struct()
        .with("IsTruncated", resumeKey != null)
        .with("Marker", resumeKey == null ? null : Markers.encode(call.operation(), resumeKey));
  }

  /**
   * Emits up to {@code maxItems} items after {@code resume}; the resume key when more remain, else
   * null.
   */
  String run(String resume, int maxItems) {
    int start = 0;
    String startKey = null;
    if (resume != null) {
      int colon = resume.indexOf(':');
      String id = resume.substring(0, Math.max(colon, 0));
      startKey = resume.substring(colon + 1);
      while (start < sections.size() && !sections.get(start).id().equals(id)) {
        start++;
      }
    }
    Progress progress = new Progress(maxItems);
    for (int i = start; i < sections.size(); i++) {
      if (walk(sections.get(i), i == start ? startKey : null, progress)) {
        return progress.last;
      }
    }
    return null;
  }

  private static final class Progress {
    final int max;
    int emitted;
    String last;

    Progress(int max) {
      this.max = max;
    }
  }

  /** Emits from one section; true when the page is full and a further item exists. */
  private static <E> boolean walk(Section<E> section, String after, Progress progress) {
    for (Map.Entry<String, E> e : section.after(after).entrySet()) {
      if (!section.filter().test(e.getValue())) {
        continue;
      }
      if (progress.emitted == progress.max) {
        return true;
      }
      section.emit().accept(e.getValue());
      progress.emitted++;
      progress.last = section.id() + ":" + e.getKey();
    }
    return false;
  }
}
