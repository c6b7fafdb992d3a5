package io.iamlocal.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The performance targets of a 2-core machine with the load generator on it, checked against a run. */
final class Targets {
  private Targets() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> check(Map<String, Object> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, Object> startup = (Map<String, Object>) results.get("startup");
    add(out, "startup to first answered request (median)", "<= 500 ms", num(startup, "first_answer_ms_median"), 500, false);
    Map<String, Object> memory = (Map<String, Object>) results.get("memory");
    Map<String, Object> fill = (Map<String, Object>) results.get("fill");
    if (memory != null && memory.get("after_fill_kb") != null) {
      Map<String, Object> after = (Map<String, Object>) memory.get("after_fill_kb");
      double mb = num(after, "VmRSS") / 1024.0;
      add(out, "RSS after filling " + (fill == null ? "?" : fill.get("users_created")) + " users", "<= 200 MB",
          Math.round(mb * 10) / 10.0, 200, false);
    }
    List<Map<String, Object>> scenarios = (List<Map<String, Object>>) results.getOrDefault("scenarios", List.of());
    for (Map<String, Object> s : scenarios) {
      String name = (String) s.get("name");
      if (s.containsKey("skipped")) {
        continue;
      }
      switch (name) {
        case "get_user" -> {
          add(out, "signed GetUser req/s", ">= 20000", num(s, "requests_per_second"), 20000, true);
          add(out, "signed GetUser p99", "<= 5 ms", num(s, "p99_ms"), 5, false);
          add(out, "signed GetUser errors", "= 0", num(s, "non_2xx") + num(s, "socket_errors"), 0, false);
        }
        case "list_users" -> add(out, "ListUsers pages of 100 per s", ">= 3000", num(s, "requests_per_second"), 3000, true);
        case "create_user" -> add(out, "CreateUser req/s", ">= 10000", num(s, "requests_per_second"), 10000, true);
        case "get_caller_identity" -> add(out, "GetCallerIdentity req/s", ">= 20000", num(s, "requests_per_second"), 20000, true);
        default -> { }
      }
    }
    return out;
  }

  private static void add(List<Map<String, Object>> out, String what, String target, double value, double bound,
      boolean atLeast) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("target", what);
    t.put("bound", target);
    t.put("measured", value);
    t.put("met", atLeast ? value >= bound : value <= bound);
    out.add(t);
  }

  private static double num(Map<String, Object> m, String key) {
    Object v = m == null ? null : m.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
