package io.iamlocal.server.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The start-up path of the command line without picocli. Picocli's classes are Java 5 class files,
 * which the class-data-sharing archive cannot hold, and building its model of {@link Main} by
 * reflection took about a fifth of the time to the first answer. This parser knows the flags of
 * {@link Main} and sets its fields exactly as picocli would; anything it is not sure of (help,
 * version, an unknown or repeated flag, a value that is not a number) makes it give up, and picocli
 * then parses the whole line and prints its own usage or error. {@code QuickArgsTest} holds it to
 * picocli's parse of every option.
 */
final class QuickArgs {
  private QuickArgs() {}

  /**
   * Sets {@code main}'s fields from {@code args}; false (fields undefined) when picocli must handle
   * them.
   */
  static boolean parse(Main main, String[] args) {
    Set<String> seen = new HashSet<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg;
        String value = null;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        }
        if (isSwitch(name)) {
          if (value != null || !seen.add(name)) {
            return false;
          }
          setSwitch(main, name);
          continue;
        }
        if (value == null) {
          if (i + 1 >= args.length) {
            return false;
          }
          value = args[++i];
          if (value.startsWith("-")) {
            return false; // picocli decides whether it is a value or a flag missing its value
          }
        }
        if (value.startsWith("@")) {
          return false; // picocli's @file expansion
        }
        if (!setValue(main, name, value) || (!"--allowed-host".equals(name) && !seen.add(name))) {
          return false;
        }
      }
      return true;
    } catch (
        RuntimeException badValue) { // a number or path picocli would refuse with its own message
      return false;
    }
  }

  private static boolean isSwitch(String name) {
    return switch (name) {
      case "--no-enforce", "--no-console", "--list-operations", "--tls", "-q", "--quiet" -> true;
      default -> false;
    };
  }

  private static void setSwitch(Main main, String name) {
    switch (name) {
      case "--no-enforce" -> main.noEnforce = true;
      case "--no-console" -> main.noConsole = true;
      case "--list-operations" -> main.listOperations = true;
      case "--tls" -> main.tls = true;
      default -> main.quiet = true;
    }
  }

  /** False for a name that is not one of {@link Main}'s valued options. */
  private static boolean setValue(Main main, String name, String value) {
    switch (name) {
      case "--host" -> main.host = value;
      case "--port" -> main.port = Integer.parseInt(value);
      case "--root-access-key" -> main.rootAccessKey = value;
      case "--root-secret-key" -> main.rootSecretKey = value;
      case "--account-id" -> main.accountId = value;
      case "--region" -> main.region = value;
      case "--enforce" -> main.enforce = value;
      case "--s3-max-object-size" -> main.s3MaxObjectSize = Integer.parseInt(value);
      case "--s3-max-total-bytes" -> main.s3MaxTotalBytes = Long.parseLong(value);
      case "--denial-log-size" -> main.denialLogSize = Integer.parseInt(value);
      case "--allowed-host" -> main.allowedHosts.add(value);
      case "--max-body" -> main.maxBody = Integer.parseInt(value);
      case "--max-header-size" -> main.maxHeaderSize = Integer.parseInt(value);
      case "--idle-timeout" -> main.idleTimeout = Integer.parseInt(value);
      case "--request-timeout" -> main.requestTimeout = Integer.parseInt(value);
      case "--tls-cert" -> main.tlsCert = Path.of(value);
      case "--tls-key" -> main.tlsKey = Path.of(value);
      case "--tls-cert-out" -> main.tlsCertOut = Path.of(value);
      case "--log-format" -> main.logFormat = value;
      case "--log-level" -> main.logLevel = value;
      case "--data-dir" -> main.dataDir = Path.of(value);
      case "--cloudtrail-dir" -> main.cloudTrailDir = Path.of(value);
      case "--cloudtrail-events" -> main.cloudTrailEvents = Integer.parseInt(value);
      case "--init" -> main.initFile = Path.of(value);
      default -> {
        return false;
      }
    }
    return true;
  }
}
