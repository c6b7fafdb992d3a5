package io.iamlocal.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds a static AppCDS archive for the server jar (JDK 17): one training run that records the
 * classes loaded by start-up and a few real requests ({@code -XX:DumpLoadedClassList}), then
 * {@code java -Xshare:dump}. Start the server with {@code -XX:SharedArchiveFile=<archive>} to map
 * those classes instead of loading and verifying them. An archive only fits the exact jar it was
 * made from; the JVM ignores a stale one (with a warning) and starts normally.
 */
final class CdsTraining {
  private CdsTraining() {}

  static void run(Options o) throws Exception {
    if (o.archive == null) {
      throw new IllegalArgumentException("--archive is required");
    }
    Path jar = o.jar.toAbsolutePath();
    Path archive = o.archive.toAbsolutePath();
    Path classList = Path.of(archive + ".classlist");
    List<String> opts = new ArrayList<>(o.javaOpts.stream().filter(x -> !x.startsWith("-XX:SharedArchiveFile")).toList());
    opts.add("-XX:DumpLoadedClassList=" + classList);
    // Every handler links at start, so the archive holds their lambda classes (families otherwise link at
    // their first call).
    opts.add("-Diamlocal.operations.linkAtStart=true");
    opts.add("-Xshare:auto");
    try (ServerProcess server = ServerProcess.start(jar, opts, List.of(), Path.of(archive + ".training.log"))) {
      exercise(URI.create("http://127.0.0.1:" + server.port()));
    }
    List<String> dump = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:dump",
        "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString());
    Process p = new ProcessBuilder(dump).redirectErrorStream(true).redirectOutput(Path.of(archive + ".log").toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("java -Xshare:dump failed; see " + archive + ".log");
    }
    System.out.println("AppCDS archive " + archive + " (" + Files.size(archive) / 1024 / 1024 + " MiB, "
        + Files.readAllLines(classList).size() + " classes listed)");
  }

  /** The common request paths: root and user credentials, IAM and STS, success and errors. */
  private static void exercise(URI endpoint) {
    try (IamClient iam = Clients.iam(endpoint, Clients.root()); StsClient sts = Clients.sts(endpoint, Clients.root())) {
      iam.createUser(r -> r.userName("cds-training").path("/cds/"));
      AccessKey key = iam.createAccessKey(r -> r.userName("cds-training")).accessKey();
      iam.listUsers(r -> r.maxItems(1));
      iam.listUsers(r -> r.maxItems(100));
      sts.getCallerIdentity();
      try {
        iam.getUser(r -> r.userName("no-such-user"));
      } catch (RuntimeException expected) {
        // NoSuchEntity: the error path
      }
      try (IamClient user = Clients.iam(endpoint, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))) {
        user.getUser();
      } catch (RuntimeException deniedWithoutPolicy) {
        // AccessDenied when policies are enforced: the authorization path, also worth archiving
      }
    }
  }
}
