package io.iamlocal.bench;

import java.util.List;
import java.util.Map;

/** The Markdown summary of one run, as printed and written next to the JSON. */
final class Report {
  private Report() {}

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> r) {
    StringBuilder b = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) r.get("machine");
    b.append("# IAMLocal wire benchmark ").append(r.get("timestamp")).append("\n\n");
    if (r.get("label") != null && !r.get("label").toString().isEmpty()) {
      b.append(r.get("label")).append("\n\n");
    }
    b.append("- machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("cpu"))
        .append(", load average at start ").append(machine.get("load_average_at_start")).append('\n');
    b.append("- commit ").append(machine.get("commit")).append(" (").append(machine.get("working_tree")).append("), ")
        .append(machine.get("java")).append('\n');
    b.append("- server: `java ").append(r.get("server_jvm_options")).append(" -jar ").append(r.get("server_jar"))
        .append("`\n");
    b.append("- load generator: `wrk ").append(r.get("wrk_options")).append("` on the same machine, loopback\n\n");

    Map<String, Object> startup = (Map<String, Object>) r.get("startup");
    b.append("## Startup and memory\n\n| measure | value |\n|---|---|\n");
    b.append("| startup to first answered request (median of ").append(((List<?>) startup.get("first_answer_ms_samples")).size())
        .append(") | ").append(startup.get("first_answer_ms_median")).append(" ms (min ")
        .append(startup.get("first_answer_ms_min")).append(", max ").append(startup.get("first_answer_ms_max")).append(") |\n");
    Map<String, Object> memory = (Map<String, Object>) r.get("memory");
    if (memory != null) {
      row(b, "RSS idle", memory.get("idle_kb"));
      row(b, "RSS after fill", memory.get("after_fill_kb"));
      row(b, "RSS 10 s after fill (settled)", memory.get("after_fill_settled_kb"));
      row(b, "RSS after all scenarios", memory.get("after_scenarios_kb"));
    }
    Map<String, Object> fill = (Map<String, Object>) r.get("fill");
    if (fill != null) {
      b.append("| fill: users created / requested | ").append(fill.get("users_created")).append(" / ")
          .append(fill.get("users_requested")).append(" |\n");
      b.append("| fill time (").append(fill.get("sdk_calls")).append(" SDK calls) | ").append(fill.get("seconds"))
          .append(" s (").append(fill.get("sdk_calls_per_second")).append(" calls/s) |\n");
      b.append("| skipped (NotImplemented) | ").append(((Map<?, ?>) fill.get("skipped_not_implemented")).keySet())
          .append(" |\n");
      b.append("| fill errors | ").append(fill.get("errors")).append(" |\n");
    }
    b.append("\n## Signed request throughput\n\n");
    b.append("| scenario | req/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx | socket errors | server CPU | server CPU µs/req (event loops) | load before |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) r.getOrDefault("scenarios", List.of())) {
      if (s.containsKey("skipped")) {
        b.append("| ").append(s.get("name")).append(" | skipped: ").append(s.get("skipped"))
            .append(" | | | | | | | | | |\n");
        continue;
      }
      b.append("| ").append(s.get("name")).append(" | ").append(s.get("requests_per_second")).append(" | ")
          .append(s.get("p50_ms")).append(" | ").append(s.get("p90_ms")).append(" | ").append(s.get("p99_ms"))
          .append(" | ").append(s.get("max_ms")).append(" | ").append(s.get("non_2xx")).append(" | ")
          .append(s.get("socket_errors")).append(" | ").append(s.get("server_cpu_percent")).append("% | ")
          .append(s.get("server_cpu_us_per_request")).append(" (")
          .append(s.get("server_cpu_us_per_request_by_thread") instanceof Map<?, ?> m ? m.get("event_loop") : "?").append(") | ")
          .append(s.get("load_before")).append(" |\n");
    }
    b.append("\nScenarios:\n\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) r.getOrDefault("scenarios", List.of())) {
      if (s.get("description") != null) {
        b.append("- `").append(s.get("name")).append("`: ").append(s.get("description"));
        if (s.get("distinct_requests") != null) {
          b.append(" (").append(s.get("distinct_requests")).append(" distinct signed requests)");
        }
        b.append('\n');
      }
    }
    b.append("\n## Targets\n\n| target | bound | measured | met |\n|---|---|---:|---|\n");
    for (Map<String, Object> t : (List<Map<String, Object>>) r.getOrDefault("targets", List.of())) {
      b.append("| ").append(t.get("target")).append(" | ").append(t.get("bound")).append(" | ").append(t.get("measured"))
          .append(" | ").append(Boolean.TRUE.equals(t.get("met")) ? "yes" : "**no**").append(" |\n");
    }
    return b.toString();
  }

  private static void row(StringBuilder b, String what, Object kb) {
    if (kb instanceof Map<?, ?> m && m.get("VmRSS") instanceof Number rss) {
      b.append("| ").append(what).append(" | ").append(Math.round(rss.doubleValue() / 102.4) / 10.0).append(" MB");
      if (m.get("RssAnon") instanceof Number anon && m.get("RssFile") instanceof Number file) {
        b.append(" (anon ").append(Math.round(anon.doubleValue() / 102.4) / 10.0).append(", file ")
            .append(Math.round(file.doubleValue() / 102.4) / 10.0).append(")");
      }
      b.append(" |\n");
    }
  }
}
