package io.iamlocal.server.cli;

import io.iamlocal.server.IamLocal;
import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServerConfig;
import io.iamlocal.server.authz.EnforcementMode;
import io.iamlocal.server.durable.DataStoreException;
import io.iamlocal.server.log.LogFormat;
import io.iamlocal.server.log.LogLevel;
import io.iamlocal.server.seed.SeedException;
import io.iamlocal.server.state.IamLocalState;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code iamlocal} command: starts a server and runs until SIGTERM or Ctrl-C. */
@Command(
    name = "iamlocal",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Serves the AWS IAM and STS APIs locally, for tests and development.")
public final class Main implements Callable<Integer> {
  /**
   * Held so the level set from --log-level is not lost when JUL drops unreferenced loggers; made in
   * {@link #configure}, so that setting up logging overlaps the operations' registration.
   */
  private static java.util.logging.Logger iamlocalLogger;

  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(
      names = "--root-access-key",
      description = "Access key ID of the account's root user (default: ${DEFAULT-VALUE}).")
  String rootAccessKey = "test";

  @Option(
      names = "--root-secret-key",
      description = "Secret key of the account's root user (default: ${DEFAULT-VALUE}).")
  String rootSecretKey = "test";

  @Option(
      names = "--account-id",
      description = "The 12-digit AWS account ID (default: ${DEFAULT-VALUE}).")
  String accountId = "123456789012";

  @Option(
      names = "--region",
      description = "Region reported in ARNs and credentials (default: ${DEFAULT-VALUE}).")
  String region = "us-east-1";

  @Option(
      names = "--no-enforce",
      description =
          "Allow every authenticated call: do not evaluate IAM policies (enforced by default for non-root callers).")
  boolean noEnforce;

  @Option(
      names = "--enforce",
      paramLabel = "strict|soft|off",
      description =
          "strict (default): refuse what policies deny; soft: evaluate every call and log each denial with why "
              + "and the statement that would allow it, but let it through; off: same as --no-enforce.")
  String enforce;

  @Option(
      names = "--s3-max-object-size",
      paramLabel = "BYTES",
      description =
          "Largest S3 object accepted; objects are kept in memory (default: ${DEFAULT-VALUE}).")
  int s3MaxObjectSize = ServerConfig.DEFAULT_S3_MAX_OBJECT_SIZE;

  @Option(
      names = "--s3-max-total-bytes",
      paramLabel = "BYTES",
      description =
          "Bytes all S3 objects together may hold; further PUTs get S3's 503 ServiceUnavailable "
              + "(default: a quarter of the heap, at most 64 MiB).")
  long s3MaxTotalBytes = io.iamlocal.server.Safeguards.DEFAULT_S3_MAX_TOTAL_BYTES;

  @Option(
      names = "--denial-log-size",
      paramLabel = "N",
      description =
          "Recent denials kept for GET /_iamlocal/denials; older ones are dropped (default: ${DEFAULT-VALUE}).")
  int denialLogSize = io.iamlocal.server.Safeguards.DEFAULT_DENIAL_LOG_SIZE;

  @Option(
      names = "--allowed-host",
      paramLabel = "NAME",
      description =
          "A Host name /moto-api/reset and /_iamlocal/* answer besides localhost, IP literals and --host "
              + "(repeatable), e.g. a docker-compose service name.")
  java.util.List<String> allowedHosts = new java.util.ArrayList<>();

  @Option(
      names = "--no-console",
      description =
          "Do not serve the read-only web console and its JSON API under /_iamlocal/ (served by default).")
  boolean noConsole;

  @Option(
      names = "--list-operations",
      description = "Print the IAM and STS operations served, then exit.")
  boolean listOperations;

  @Option(
      names = "--max-body",
      description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxBody = ServerConfig.DEFAULT_MAX_BODY;

  @Option(
      names = "--max-header-size",
      paramLabel = "BYTES",
      description =
          "Largest request header section accepted; larger ones get an AWS-style 431 (default: ${DEFAULT-VALUE}).")
  int maxHeaderSize = io.iamlocal.server.TransportConfig.DEFAULT_MAX_HEADER_BYTES;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description = "Close connections silent for this long (default: ${DEFAULT-VALUE}).")
  int idleTimeout = ServerConfig.defaults().idleTimeoutSeconds();

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      description =
          "Longest a client may take to send one request once started; slower ones get 408 (default: ${DEFAULT-VALUE}).")
  int requestTimeout = io.iamlocal.server.TransportConfig.DEFAULT_REQUEST_TIMEOUT_SECONDS;

  @Option(
      names = "--tls",
      description =
          "Also serve HTTPS on the port, with a certificate for localhost/127.0.0.1 from a local CA made at start.")
  boolean tls;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Serve HTTPS with this certificate (chain) instead; needs --tls-key.")
  java.nio.file.Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The unencrypted private key of --tls-cert.")
  java.nio.file.Path tlsKey;

  @Option(
      names = "--tls-cert-out",
      paramLabel = "PEM",
      description =
          "With --tls, write the certificate for clients to trust here (default: a temporary file).")
  java.nio.file.Path tlsCertOut;

  @Option(
      names = "--log-format",
      paramLabel = "text|json",
      description =
          "Request log lines as key=value text or JSON objects (default: ${DEFAULT-VALUE}).")
  String logFormat = "text";

  @Option(
      names = "--log-level",
      paramLabel = "debug|info|warn|error|off",
      description =
          "Least severe level logged; request lines are info, so warn and above hide them (default: ${DEFAULT-VALUE}).")
  String logLevel = "info";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Keep the state in DIR (SQLite, created if missing): acknowledged writes survive a restart or kill -9.")
  Path dataDir;

  @Option(
      names = "--cloudtrail-dir",
      paramLabel = "DIR",
      description =
          "Also write every IAM, STS and S3 call as CloudTrail log files under DIR (AWSLogs/<account>/CloudTrail/…).")
  Path cloudTrailDir;

  @Option(
      names = "--cloudtrail-events",
      paramLabel = "N",
      description =
          "CloudTrail events kept in memory for LookupEvents and generated policies; 0 keeps none (default: ${DEFAULT-VALUE}).")
  int cloudTrailEvents = io.iamlocal.server.trail.Trail.DEFAULT_CAPACITY;

  @Option(
      names = "--init",
      paramLabel = "FILE",
      description =
          "Seed users, groups, roles and policies from a YAML or JSON file at start (with --data-dir: when the state is empty).")
  Path initFile;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not log requests (same as --log-level warn).")
  boolean quiet;

  public static void main(String[] args) {
    prepareStart();
    System.exit(run(args));
  }

  /**
   * Registering the operations and bringing up Netty take longest at start: both begin on threads
   * of their own before anything else (for --version or --help they are simply dropped at exit).
   * Each happens once per JVM.
   */
  private static void prepareStart() {
    // The jar holds no SLF4J or Log4j: Netty logs through java.util.logging, as it would choose,
    // without first trying to load each of them (class lookups and exceptions at start-up).
    InternalLoggerFactory.setDefaultFactory(JdkLoggerFactory.INSTANCE);
    IamLocalServer.prepareOperations();
    IamLocalServer.prepareTransport();
  }

  /** Runs the command line and returns its exit code (once stopped, for a server). */
  static int run(String... args) {
    Main main = new Main();
    return QuickArgs.parse(main, args)
        ? main.runParsed(args)
        : new CommandLine(new Main()).execute(args);
  }

  /**
   * Runs the command once {@link QuickArgs} has set the flags, as picocli's {@code execute} would:
   * a usage error is left to picocli (it parses again and prints its message and the usage; nothing
   * has started yet), any other failure prints its stack trace and exits with 1.
   */
  private int runParsed(String[] args) {
    try {
      return call();
    } catch (CommandLine.ParameterException usage) {
      return new CommandLine(new Main()).execute(args);
    } catch (Exception e) {
      e.printStackTrace();
      return 1;
    }
  }

  @Override
  public Integer call() throws Exception {
    if (listOperations) {
      // UTF-8 whatever the locale: the list marks operations with emoji, and scripts parse it.
      java.io.PrintStream utf8 =
          new java.io.PrintStream(
              new java.io.FileOutputStream(java.io.FileDescriptor.out),
              true,
              java.nio.charset.StandardCharsets.UTF_8);
      utf8.print(io.iamlocal.server.SupportedOperations.markdown());
      utf8.flush();
      return 0;
    }
    prepareStart();
    if (!IamLocalState.isAccountNumber(accountId)) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--account-id must be 12 digits");
    }
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--port must be between 0 and 65535");
    }
    IamLocal server;
    try {
      server = configure().start();
    } catch (DataStoreException | SeedException e) {
      System.err.println("iamlocal: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "iamlocal-shutdown"));
    System.out.println(
        "IAMLocal listening on " + server.endpoint() + " (account " + accountId + ")");
    if (server.tlsTrustFile() != null) {
      System.out.println(
          "TLS certificate to trust: "
              + server.tlsTrustFile().toAbsolutePath()
              + " (e.g. AWS_CA_BUNDLE="
              + server.tlsTrustFile().toAbsolutePath()
              + ")");
    }
    if (!noConsole) {
      System.out.println("Web console: " + server.endpoint() + "/_iamlocal/");
    }
    System.out.flush();
    stopped.await();
    return 0;
  }

  /** The flags as an {@link IamLocal} builder; bad values are reported as usage errors. */
  IamLocal.Builder configure() {
    try {
      LogFormat format = LogFormat.parse(logFormat);
      LogLevel level = quiet ? LogLevel.WARN : LogLevel.parse(logLevel);
      iamlocalLogger = java.util.logging.Logger.getLogger("io.iamlocal");
      iamlocalLogger.setLevel(level.julLevel());
      IamLocal.Builder builder =
          IamLocal.builder()
              .host(host)
              .port(port)
              .accountId(accountId)
              .rootCredentials(rootAccessKey, rootSecretKey)
              .region(region)
              .maxBodyBytes(maxBody)
              .enforce(!noEnforce)
              .enforcement(
                  noEnforce
                      ? EnforcementMode.OFF
                      : enforce == null ? EnforcementMode.STRICT : EnforcementMode.parse(enforce))
              .s3MaxObjectSize(s3MaxObjectSize)
              .console(!noConsole)
              .dataDir(dataDir)
              .cloudTrailDir(cloudTrailDir)
              .cloudTrailEvents(cloudTrailEvents)
              .initFile(initFile)
              .maxHeaderBytes(maxHeaderSize)
              .idleTimeoutSeconds(idleTimeout)
              .requestTimeoutSeconds(requestTimeout)
              .s3MaxTotalBytes(s3MaxTotalBytes)
              .denialLogSize(denialLogSize);
      allowedHosts.forEach(builder::allowedHost);
      if (tlsCert != null || tlsKey != null) {
        if (tlsCert == null || tlsKey == null) {
          throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        builder.tls(tlsCert, tlsKey);
      } else if (tls || tlsCertOut != null) {
        builder.tls();
        if (tlsCertOut != null) {
          builder.tlsCertificateOut(tlsCertOut);
        }
      }
      return level.logsRequests() ? builder.requestLog(format) : builder;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"IAMLocal " + (v == null ? "development" : v)};
    }
  }
}
