package io.iamlocal.server.cli;

import io.iamlocal.server.IamLocalServer;
import io.iamlocal.server.ServerConfig;
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
  @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "Port to listen on; 0 picks a free port (default: ${DEFAULT-VALUE}).")
  int port = ServerConfig.DEFAULT_PORT;

  @Option(names = "--root-access-key", description = "Access key ID of the account's root user (default: ${DEFAULT-VALUE}).")
  String rootAccessKey = "test";

  @Option(names = "--root-secret-key", description = "Secret key of the account's root user (default: ${DEFAULT-VALUE}).")
  String rootSecretKey = "test";

  @Option(names = "--account-id", description = "The 12-digit AWS account ID (default: ${DEFAULT-VALUE}).")
  String accountId = "123456789012";

  @Option(names = "--region", description = "Region reported in ARNs and credentials (default: ${DEFAULT-VALUE}).")
  String region = "us-east-1";

  @Option(names = "--list-operations", description = "Print the IAM and STS operations served, then exit.")
  boolean listOperations;

  @Option(names = "--max-body", description = "Largest request body accepted, in bytes (default: ${DEFAULT-VALUE}).")
  int maxBody = ServerConfig.DEFAULT_MAX_BODY;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (listOperations) {
      System.out.print(io.iamlocal.server.SupportedOperations.markdown());
      return 0;
    }
    if (!accountId.matches("\\d{12}")) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--account-id must be 12 digits");
    }
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--port must be between 0 and 65535");
    }
    ServerConfig config = new ServerConfig(host, port, rootAccessKey, rootSecretKey, accountId, region, maxBody, 120,
        java.time.Clock.systemUTC());
    IamLocalServer server = new IamLocalServer(config).start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "iamlocal-shutdown"));
    System.out.println("IAMLocal listening on " + server.endpoint() + " (account " + accountId + ")");
    System.out.flush();
    stopped.await();
    return 0;
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
