package io.iamlocal.bench;

import java.util.Arrays;

/**
 * Entry point of {@code iamlocal-bench.jar}: {@code wire} (the end-to-end benchmark against the real
 * server jar), {@code cds-train} (builds the AppCDS archive the README recommends) and {@code jmh}
 * (JMH's own command line, e.g. {@code jmh PolicyDecision}).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "wire" -> WireBench.run(Options.parse(rest));
      case "cds-train" -> CdsTraining.run(Options.parse(rest));
      case "fill" -> {
        Options o = Options.parse(rest);
        Filler.Result r = new Filler(o.endpoint, WireBench.ACCOUNT).fill(o.users, o.fillThreads);
        System.out.println(Filler.describe(r));
      }
      case "embedded" -> EmbeddedStart.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 50);
      case "request-cost" -> RequestCost.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 300,
          rest.length > 1 ? Integer.parseInt(rest[1]) : 20_000);
      case "dispatch-cost" -> DispatchCost.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 300,
          rest.length > 1 ? Integer.parseInt(rest[1]) : 20_000, rest.length > 2 ? rest[2] : "GetUser");
      case "trail-retained" -> TrailRetained.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 50,
          rest.length > 1 ? Integer.parseInt(rest[1]) : 3_000, rest.length > 2 ? Integer.parseInt(rest[2]) : 1_000,
          rest.length > 3 ? java.nio.file.Path.of(rest[3]) : null);
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "footprint" -> EntityFootprint.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 10_000,
          rest.length > 1 ? Integer.parseInt(rest[1]) : 10_000, rest.length > 2 ? Integer.parseInt(rest[2]) : 1_300);
      case "accounts" -> AccountsFootprint.run(rest.length > 0 ? Integer.parseInt(rest[0]) : 1000,
          rest.length > 1 ? Integer.parseInt(rest[1]) : 100);
      default -> {
        System.out.println("usage: java -jar iamlocal-bench.jar wire|cds-train|jmh [options]");
        System.out.println("  wire      --jar server.jar [--users 10000] [--duration 10] [--java-opts '...']");
        System.out.println("            [--wrk-threads 2] [--connections 32] [--scenarios a,b] [--profile scenario]");
        System.out.println("            [--results bench/results] [--label text]");
        System.out.println("  cds-train --jar server.jar --archive server.jsa [--java-opts '...']");
        System.out.println("  fill      --endpoint http://127.0.0.1:PORT [--users 10000] (fills a running server, e.g. for jmap)");
        System.out.println("  embedded  [rounds] (IamLocal.builder().start() to first answer, repeated in one JVM)");
        System.out.println("  request-cost [users 300] [requests 20000] (bytes allocated and CPU per signed GetUser on the"
            + " event loops)");
        System.out.println("  dispatch-cost [users 300] [requests 20000] [action GetUser] (CPU and bytes per signed call"
            + " in the dispatch path, on one thread without sockets)");
        System.out.println("  trail-retained [users 50] [requests 3000] [events 1000] [histogram dir] (live heap per"
            + " retained trail event; run with -XX:+UseSerialGC)");
        System.out.println("  jmh       JMH options, e.g. jmh -f 1 -wi 3 -i 5 PolicyDecision");
        System.out.println("  footprint [users 10000] [sessions 10000] [policies 1300] (live heap per user, session, policy;"
            + " run with -Xmx1g -XX:+UseSerialGC)");
        System.out.println("  accounts  [accounts 1000] [users 100] (heap per empty account, per user, per key; run with -Xmx2g)");
      }
    }
  }
}
