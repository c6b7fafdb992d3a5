package io.iamlocal.server.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SectionPagerTest {
  private final List<String> out = new ArrayList<>();

  private static NavigableMap<String, String> items(String... names) {
    NavigableMap<String, String> map = new TreeMap<>();
    for (String name : names) {
      map.put(name, name);
    }
    return map;
  }

  private SectionPager pager() {
    return new SectionPager()
        .section("U", items("a", "b", "c"), s -> !s.equals("b"), out::add)
        .section("G", items(), s -> true, out::add)
        .section("P", items("x", "y"), s -> true, out::add);
  }

  @Test
  void pagesAcrossSectionsSkippingFilteredAndEmptyOnes() {
    String resume = pager().run(null, 2);
    assertThat(out).containsExactly("a", "c");
    assertThat(resume).isEqualTo("U:c");
    out.clear();
    resume = pager().run(resume, 2);
    assertThat(out).containsExactly("x", "y");
    assertThat(resume).as("nothing after the last item").isNull();
  }

  @Test
  void fullPageAtTheEndOfTheLastSectionIsNotTruncated() {
    assertThat(pager().run(null, 4)).isNull();
    assertThat(out).containsExactly("a", "c", "x", "y");
  }

  @Test
  void resumesInsideALaterSection() {
    assertThat(pager().run("P:x", 10)).isNull();
    assertThat(out).containsExactly("y");
  }

  @Test
  void oneItemPagesVisitEverythingOnce() {
    List<String> seen = new ArrayList<>();
    String resume = null;
    do {
      out.clear();
      resume = pager().run(resume, 1);
      seen.addAll(out);
    } while (resume != null);
    assertThat(seen).containsExactly("a", "c", "x", "y");
  }
}
