package io.iamlocal.server.cli;

import io.iamlocal.sigv4.RequestSigner;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SigningCredential;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the class-data-sharing archive {@code iamlocal.jsa} that the {@code iamlocal} launcher
 * maps at start: {@code mvn package} runs it on {@code server/target}, the Docker image on {@code
 * /opt/iamlocal}, always with the jar at the path it will be run from (an archive only fits the jar
 * path it was made with). Run as {@code java -cp iamlocal.jar io.iamlocal.server.cli.CdsTraining
 * [ARCHIVE]}.
 *
 * <ol>
 *   <li>Starts the server as the launcher does (its JVM flags are read from the launcher beside the
 *       jar; the main class by name, with the jar as class path), in its own JVM with {@code
 *       -XX:DumpLoadedClassList} and every handler linked at start, and sends it the common
 *       requests from this JVM: health, unsigned, root- and user-signed IAM and STS calls, success
 *       and errors. The list holds what the server's start and those requests load, and nothing of
 *       this client.
 *   <li>Dumps a static archive of exactly those classes ({@code -Xshare:dump}). It replaces the
 *       JDK's own archive and a dynamic top layer: one file, only the classes the server uses, with
 *       the lambda proxies and pre-generated method-handle forms of the list.
 *   <li>Checks that the JVM maps it ({@code -Xshare:on}); otherwise deletes it, so the launcher
 *       starts without it.
 * </ol>
 *
 * Exits 1 on any failure; the build ignores that (without the archive the server only starts more
 * slowly).
 */
public final class CdsTraining {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final Pattern ELEMENT = Pattern.compile("<(AccessKeyId|SecretAccessKey)>([^<]+)<");
  private static final Pattern FLAGS_LINE = Pattern.compile("^flags='([^']*)'$");
  private static final long STEP_SECONDS = 120;

  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final Path jar;
  private final Path archive;
  private final List<String> flags;

  private CdsTraining(Path jar, Path archive, List<String> flags) {
    this.jar = jar;
    this.archive = archive;
    this.flags = flags;
  }

  public static void main(String[] args) throws Exception {
    Path jar =
        Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toRealPath();
    Path archive =
        args.length > 0 ? Path.of(args[0]).toAbsolutePath() : jar.resolveSibling("iamlocal.jsa");
    CdsTraining training = new CdsTraining(jar, archive, launcherFlags(jar));
    try {
      training.run();
    } catch (Exception | AssertionError e) {
      Files.deleteIfExists(archive);
      System.err.println("CDS training failed, no archive written (start-up is slower): " + e);
      System.exit(1);
    }
  }

  /** The JVM flags of the launcher beside the jar: its {@code flags='…'} line. */
  static List<String> launcherFlags(Path jar) throws IOException {
    for (String line : Files.readAllLines(jar.resolveSibling("iamlocal"))) {
      Matcher m = FLAGS_LINE.matcher(line.strip());
      if (m.matches()) {
        return Arrays.stream(m.group(1).split("\\s+")).filter(f -> !f.isEmpty()).toList();
      }
    }
    throw new IOException("no flags='…' line in the launcher beside " + jar);
  }

  private void run() throws Exception {
    Path classList = Path.of(archive + ".classlist");
    Path log = Path.of(archive + ".log");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(log);
    try {
      train(classList, log);
      List<String> dump = command("-Xshare:dump", "-XX:SharedClassListFile=" + classList);
      dump.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()));
      runToEnd(dump, log);
      // -Xshare:on refuses to start when the archive cannot be mapped for this jar and JVM.
      runToEnd(
          command(
              "-Xshare:on",
              "-XX:SharedArchiveFile=" + archive,
              "-cp",
              jar.toString(),
              Main.class.getName(),
              "--version"),
          log);
      System.out.printf(
          "CDS archive %s: %d classes listed, %.1f MB%n",
          archive,
          Files.readAllLines(classList).stream().filter(l -> !l.startsWith("@")).count(),
          Files.size(archive) / 1e6);
    } finally {
      Files.deleteIfExists(classList);
    }
  }

  /** Runs the server with {@code -XX:DumpLoadedClassList} through the common requests. */
  private void train(Path classList, Path log) throws Exception {
    // Every handler links at start (OperationRegistry.linkAtStart): the list holds their lambda
    // classes, so a family's first call in a served start only links them.
    List<String> server =
        command("-XX:DumpLoadedClassList=" + classList, "-Diamlocal.operations.linkAtStart=true");
    server.addAll(List.of("-cp", jar.toString(), Main.class.getName(), "--port", "0"));
    Process process =
        new ProcessBuilder(server)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    try {
      String endpoint = awaitListening(process, log);
      exercise(endpoint);
    } finally {
      process.destroy(); // SIGTERM: the server stops as it does in production
      if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the training server did not stop");
      }
    }
  }

  /** Reads the server's output until its "listening on" line; the rest goes to the log. */
  private static String awaitListening(Process process, Path log) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    out.transferTo(Writer.nullWriter());
                  } catch (IOException ignored) {
                    // the server has exited
                  }
                },
                "training-server-output");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    Files.writeString(log, seen);
    throw new IllegalStateException("the training server exited before listening; see " + log);
  }

  /**
   * The requests most clients send first: what they load is mapped from the archive, anything else
   * is loaded from the jar as usual.
   */
  private static void exercise(String endpoint) throws IOException {
    get(endpoint + "/_iamlocal/health");
    healthThenHalfClose(endpoint);
    SigningCredential root = SigningCredential.of("test", "test");
    iam(endpoint, null, "ListUsers");
    iam(endpoint, root, "CreateUser", "UserName", "cds", "Path", "/cds/", tag(1, "team", "build"));
    String keyXml = iam(endpoint, root, "CreateAccessKey", "UserName", "cds");
    iam(endpoint, root, "ListUsers", "MaxItems", "1");
    iam(endpoint, root, "GetUser", "UserName", "no-such-user");
    iam(endpoint, root, "CreateGroup", "GroupName", "cds-group");
    iam(endpoint, root, "AddUserToGroup", "GroupName", "cds-group", "UserName", "cds");
    iam(endpoint, root, "AttachUserPolicy", "UserName", "cds", "PolicyArn", readOnlyPolicy());
    iam(
        endpoint,
        root,
        "PutUserPolicy",
        "UserName",
        "cds",
        "PolicyName",
        "assume",
        "PolicyDocument",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
    iam(
        endpoint,
        root,
        "CreateRole",
        "RoleName",
        "cds-role",
        "AssumeRolePolicyDocument",
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
            + "\"Action\":\"sts:AssumeRole\"}]}");
    sts(endpoint, root, "GetCallerIdentity");
    Matcher m = ELEMENT.matcher(keyXml);
    String id = m.find() ? m.group(2) : null;
    String secret = m.find() ? m.group(2) : null;
    if (id == null || secret == null) {
      throw new IllegalStateException("CreateAccessKey answered no key: " + keyXml);
    }
    SigningCredential user = SigningCredential.of(id, secret);
    for (int i = 0; i < 50; i++) {
      iam(endpoint, user, "GetUser");
    }
    // No call is denied here: the denial log's JSON (Jackson databind, ~440 classes) would add
    // ~5 MB to the archive, and the whole archive is resident once the JVM has relocated it.
    sts(
        endpoint,
        user,
        "AssumeRole",
        "RoleArn",
        "arn:aws:iam::123456789012:role/cds-role",
        "RoleSessionName",
        "cds");
  }

  /**
   * A health check as start-up pollers send it: one request on a new connection whose client then
   * shuts its side down (Netty loads its half-closure classes then).
   */
  private static void healthThenHalfClose(String endpoint) throws IOException {
    URI uri = URI.create(endpoint);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("GET /_iamlocal/health HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      if (!new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
          .startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("the half-closed health check was not answered");
      }
    }
  }

  private static String readOnlyPolicy() {
    return "arn:aws:iam::aws:policy/IAMReadOnlyAccess";
  }

  private static String tag(int n, String key, String value) {
    return "Tags.member." + n + ".Key=" + key + "&Tags.member." + n + ".Value=" + value;
  }

  private static String iam(
      String endpoint, SigningCredential credential, String action, String... params)
      throws IOException {
    return post(endpoint, credential, "iam", form(action, "2010-05-08", params));
  }

  private static String sts(
      String endpoint, SigningCredential credential, String action, String... params)
      throws IOException {
    return post(endpoint, credential, "sts", form(action, "2011-06-15", params));
  }

  /** A Query form: name/value pairs, and pre-encoded pairs (an odd element containing '='). */
  private static String form(String action, String version, String... params) {
    StringBuilder form = new StringBuilder("Action=" + action + "&Version=" + version);
    for (int i = 0; i < params.length; i++) {
      if (params[i].contains("=")) {
        form.append('&').append(params[i]);
      } else {
        form.append('&')
            .append(params[i])
            .append('=')
            .append(URLEncoder.encode(params[++i], StandardCharsets.UTF_8));
      }
    }
    return form.toString();
  }

  private static void get(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    if (c.getResponseCode() != 200) {
      throw new IOException(url + " answered " + c.getResponseCode());
    }
    c.getInputStream().readAllBytes();
  }

  /** POSTs a Query form, signed when a credential is given; the body whatever the status. */
  private static String post(
      String endpoint, SigningCredential credential, String service, String form)
      throws IOException {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create(endpoint + "/");
    HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    String contentType = "application/x-www-form-urlencoded; charset=utf-8";
    c.setRequestProperty("Content-Type", contentType);
    if (credential != null) {
      Map<String, List<String>> headers =
          Map.of(
              "Host", List.of(uri.getHost() + ':' + uri.getPort()),
              "Content-Type", List.of(contentType));
      SignableRequest signed =
          new RequestSigner(credential, "us-east-1", service)
              .sign(SignableRequest.of("POST", "/", headers, body), Instant.now())
              .request();
      c.setRequestProperty("X-Amz-Date", signed.firstHeader("X-Amz-Date").orElseThrow());
      c.setRequestProperty("Authorization", signed.firstHeader("Authorization").orElseThrow());
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(body);
    }
    int status = c.getResponseCode();
    try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code java <launcher flags> <extra>…}, the way the launcher runs the jar. */
  private List<String> command(String... extra) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(flags);
    Path natives = jar.resolveSibling("native");
    if (Files.isDirectory(natives)) {
      command.add("-Djava.library.path=" + natives);
    }
    command.addAll(List.of(extra));
    return command;
  }

  /** Runs a JVM step to its end, its output appended to the log; fails on a non-zero exit. */
  private static void runToEnd(List<String> command, Path log) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " took too long");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "exit " + p.exitValue() + " from " + String.join(" ", command) + "; see " + log);
    }
  }
}
