package io.iamlocal.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Command-line options of the wire benchmark and the CDS training run. */
final class Options {
  Path jar = Path.of("server/target/iamlocal.jar");
  Path archive;
  List<String> javaOpts = new ArrayList<>();
  /** Extra server flags for the measured server (e.g. {@code --cloudtrail-events 0} for an A/B run). */
  List<String> serverArgs = new ArrayList<>();
  int users = 10_000;
  int durationSeconds = 10;
  int warmupSeconds = 5;
  int wrkThreads = 2;
  int connections = 32;
  int fillThreads = 4;
  List<String> scenarios = List.of();
  String profile;
  Path results = Path.of("bench/results");
  Path work = Path.of("bench/target/wire");
  String label = "";
  java.net.URI endpoint;
  boolean rivals = true;

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (name) {
        case "--jar" -> o.jar = Path.of(require(name, value));
        case "--archive" -> o.archive = Path.of(require(name, value));
        case "--java-opts" -> o.javaOpts = split(require(name, value));
        case "--server-args" -> o.serverArgs = split(require(name, value));
        case "--users" -> o.users = Integer.parseInt(require(name, value));
        case "--duration" -> o.durationSeconds = Integer.parseInt(require(name, value));
        case "--warmup" -> o.warmupSeconds = Integer.parseInt(require(name, value));
        case "--wrk-threads" -> o.wrkThreads = Integer.parseInt(require(name, value));
        case "--connections" -> o.connections = Integer.parseInt(require(name, value));
        case "--fill-threads" -> o.fillThreads = Integer.parseInt(require(name, value));
        case "--scenarios" -> o.scenarios = split(require(name, value).replace(',', ' '));
        case "--profile" -> o.profile = require(name, value);
        case "--results" -> o.results = Path.of(require(name, value));
        case "--work" -> o.work = Path.of(require(name, value));
        case "--label" -> o.label = require(name, value);
        case "--rivals" -> o.rivals = !"no".equals(require(name, value));
        case "--endpoint" -> o.endpoint = java.net.URI.create(require(name, value));
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
      i++;
    }
    if (o.durationSeconds < 1 || o.durationSeconds > 15) {
      throw new IllegalArgumentException("--duration must be 1..15 seconds (signed requests and shared machines)");
    }
    return o;
  }

  boolean wants(String scenario) {
    return scenarios.isEmpty() || scenarios.contains(scenario);
  }

  private static String require(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return value;
  }

  private static List<String> split(String s) {
    return new ArrayList<>(Arrays.stream(s.trim().split("\\s+")).filter(x -> !x.isEmpty()).toList());
  }
}
