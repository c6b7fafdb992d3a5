package io.iamlocal.server.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructTest {
  @Test
  void keepsInsertionOrderAndSkipsNulls() {
    Struct s = new Struct().with("B", 1).with("A", null).with("C", "x").with("A", 2);
    assertThat(s.keySet()).containsExactly("B", "C", "A");
    assertThat(s).hasSize(3).containsEntry("A", 2).doesNotContainKey("D");
  }

  @Test
  void findsMembersByEqualNamesNotOnlyTheSameInstance() {
    Struct s = Struct.of("UserName", "alice");
    String other = new String("UserName");
    assertThat(s.get(other)).isEqualTo("alice");
    assertThat(s.containsKey(other)).isTrue();
    assertThat(s.get(null)).isNull();
  }

  @Test
  void growsPastItsInitialRoomInOrder() {
    Struct s = new Struct(1);
    Map<String, Object> expected = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      s.with("M" + i, i);
      expected.put("M" + i, i);
    }
    assertThat(s).isEqualTo(expected);
    assertThat(s.hashCode()).isEqualTo(expected.hashCode());
    assertThat(s.toString()).isEqualTo(expected.toString());
    assertThat(new java.util.ArrayList<>(s.values()))
        .isEqualTo(new java.util.ArrayList<>(expected.values()));
  }

  @Test
  void replacingAValueKeepsItsPlaceAndReturnsTheOldOne() {
    Struct s = new Struct().with("A", 1).with("B", 2);
    assertThat(s.put("A", 3)).isEqualTo(1);
    assertThat(s.keySet()).containsExactly("A", "B");
    assertThat(s.get("A")).isEqualTo(3);
  }

  @Test
  void removesAndClears() {
    Struct s = new Struct().with("A", 1).with("B", 2).with("C", 3);
    assertThat(s.remove("B")).isEqualTo(2);
    assertThat(s.remove("B")).isNull();
    assertThat(s.keySet()).containsExactly("A", "C");
    s.put("B", 4); // renamed pages (DelegationRequestOperations) put after a remove
    assertThat(s.keySet()).containsExactly("A", "C", "B");
    s.clear();
    assertThat(s).isEmpty();
    s.put("Z", 0);
    assertThat(s).containsExactly(Map.entry("Z", 0));
  }

  @Test
  void entriesWriteThroughAndTheIteratorRemoves() {
    Struct s = new Struct().with("A", 1).with("B", 2).with("C", 3);
    for (Map.Entry<String, Object> e : s.entrySet()) {
      e.setValue(((Integer) e.getValue()) * 10);
    }
    assertThat(s).containsExactly(Map.entry("A", 10), Map.entry("B", 20), Map.entry("C", 30));
    Iterator<Map.Entry<String, Object>> it = s.entrySet().iterator();
    it.next();
    it.remove();
    it.next();
    it.remove();
    assertThat(s).containsExactly(Map.entry("C", 30));
    assertThat(Map.entry("C", 30)).isEqualTo(s.entrySet().iterator().next());
    assertThat(s.entrySet().iterator().next()).isEqualTo(Map.entry("C", 30));
  }

  @Test
  void aChangeDuringIterationFailsFast() {
    Struct s = new Struct().with("A", 1).with("B", 2);
    Iterator<String> it = s.keySet().iterator();
    it.next();
    s.put("C", 3);
    assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
  }

  @Test
  void aSecondRemoveWithoutNextIsRefused() {
    Struct s = new Struct().with("A", 1);
    Iterator<String> it = s.keySet().iterator();
    it.next();
    it.remove();
    assertThatThrownBy(it::remove).isInstanceOf(IllegalStateException.class);
    assertThat(s).isEmpty();
  }
}
