package io.iamlocal.server.iam;

import io.iamlocal.protocol.xml.OrderedMembers;
import io.iamlocal.server.state.Tags;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The {@code Tag} output structure ({@code Key}, {@code Value}) as a read-only map over the tag
 * itself: every tagged answer lists tags (GetUser three in the benchmark), and a {@code Struct} per
 * tag was an object and an array more than the tag.
 */
final class TagView extends AbstractMap<String, Object> implements OrderedMembers {
  private final Tags.Tag tag;

  TagView(Tags.Tag tag) {
    this.tag = tag;
  }

  /** {@code Key}, then {@code Value} unless it is null (as {@code Struct.with} leaves it out). */
  @Override
  public int size() {
    return tag.value() == null ? 1 : 2;
  }

  @Override
  public String nameAt(int index) {
    return switch (java.util.Objects.checkIndex(index, size())) {
      case 0 -> "Key";
      default -> "Value";
    };
  }

  @Override
  public Object valueAt(int index) {
    return java.util.Objects.checkIndex(index, size()) == 0 ? tag.key() : tag.value();
  }

  @Override
  public Object get(Object name) {
    if ("Key".equals(name)) {
      return tag.key();
    }
    return "Value".equals(name) ? tag.value() : null;
  }

  @Override
  public boolean containsKey(Object name) {
    return "Key".equals(name) || ("Value".equals(name) && tag.value() != null);
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size();
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            int at = next++;
            return new SimpleImmutableEntry<>(nameAt(at), valueAt(at));
          }
        };
      }

      @Override
      public int size() {
        return TagView.this.size();
      }
    };
  }
}
