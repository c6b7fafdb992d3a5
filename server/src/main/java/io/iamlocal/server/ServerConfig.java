package io.iamlocal.server;

import io.iamlocal.server.authz.EnforcementMode;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How an IAMLocal server runs. Defaults match the CLI's: 127.0.0.1:4566, root keys test/test,
 * account 123456789012, us-east-1, IAM policies enforced strictly ({@code enforcementMode}), web
 * console on ({@code console}).
 */
public record ServerConfig(
    String host,
    int port,
    String rootAccessKeyId,
    String rootSecretKey,
    String accountId,
    String region,
    int maxBodyBytes,
    int idleTimeoutSeconds,
    Clock clock,
    EnforcementMode enforcementMode,
    Path dataDir,
    Path initFile,
    boolean console,
    int s3MaxObjectSize,
    Path cloudTrailDir,
    int cloudTrailEvents) {

  public static final int DEFAULT_PORT = 4566;
  public static final int DEFAULT_MAX_BODY = 8 * 1024 * 1024;

  /** S3 objects are kept in memory: 5 MiB each unless configured. */
  public static final int DEFAULT_S3_MAX_OBJECT_SIZE = 5 * 1024 * 1024;

  public static ServerConfig defaults() {
    return new ServerConfig(
        "127.0.0.1",
        DEFAULT_PORT,
        "test",
        "test",
        "123456789012",
        "us-east-1",
        DEFAULT_MAX_BODY,
        120,
        Clock.systemUTC(),
        EnforcementMode.STRICT,
        null,
        null,
        true,
        DEFAULT_S3_MAX_OBJECT_SIZE,
        null,
        io.iamlocal.server.trail.Trail.DEFAULT_CAPACITY);
  }

  /**
   * Whether policies are evaluated at all (strict or soft), as opposed to every call being allowed.
   */
  public boolean enforce() {
    return enforcementMode != EnforcementMode.OFF;
  }

  public ServerConfig withHost(String value) {
    return edit(c -> c.host = value);
  }

  public ServerConfig withPort(int value) {
    return edit(c -> c.port = value);
  }

  public ServerConfig withRootCredentials(String accessKeyId, String secretKey) {
    return edit(
        c -> {
          c.rootAccessKeyId = accessKeyId;
          c.rootSecretKey = secretKey;
        });
  }

  public ServerConfig withAccountId(String value) {
    return edit(c -> c.accountId = value);
  }

  public ServerConfig withRegion(String value) {
    return edit(c -> c.region = value);
  }

  public ServerConfig withMaxBodyBytes(int value) {
    return edit(c -> c.maxBodyBytes = value);
  }

  /**
   * Whether IAM policies are enforced for non-root callers (strict, the default), or every call is
   * allowed (off).
   */
  public ServerConfig withEnforce(boolean value) {
    return withEnforcement(value ? EnforcementMode.STRICT : EnforcementMode.OFF);
  }

  /** Strict (refuse denials), soft (evaluate and log denials, let every call through) or off. */
  public ServerConfig withEnforcement(EnforcementMode value) {
    return edit(c -> c.enforcementMode = value);
  }

  /**
   * The largest S3 object accepted, in bytes (objects live in memory; also bounded by {@code
   * maxBodyBytes}).
   */
  public ServerConfig withS3MaxObjectSize(int value) {
    return edit(c -> c.s3MaxObjectSize = value);
  }

  /**
   * Keeps the state in {@code value} (null: in memory only): every acknowledged write is on disk
   * before its response, and a restart, even after {@code kill -9}, resumes the same state.
   */
  public ServerConfig withDataDir(Path value) {
    return edit(c -> c.dataDir = value);
  }

  /** A seed file (YAML or JSON) applied at start when the state is empty (null: none). */
  public ServerConfig withInitFile(Path value) {
    return edit(c -> c.initFile = value);
  }

  /**
   * Whether the web console and its read-only JSON API are served under {@code /_iamlocal/} (the
   * default).
   */
  public ServerConfig withConsole(boolean value) {
    return edit(c -> c.console = value);
  }

  /**
   * Also write every trail event as CloudTrail log files under {@code value} (null: memory only).
   */
  public ServerConfig withCloudTrailDir(Path value) {
    return edit(c -> c.cloudTrailDir = value);
  }

  /** How many CloudTrail events the in-memory trail keeps (0: no trail, no generated policies). */
  public ServerConfig withCloudTrailEvents(int value) {
    return edit(c -> c.cloudTrailEvents = value);
  }

  public ServerConfig withClock(Clock value) {
    return edit(c -> c.clock = value);
  }

  /**
   * Seconds a connection may stay silent (no request in progress, nothing being written) before it
   * is closed.
   */
  public ServerConfig withIdleTimeoutSeconds(int value) {
    return edit(c -> c.idleTimeoutSeconds = value);
  }

  /**
   * Every wither goes through one mutable copy, so adding a setting touches one constructor call.
   */
  private ServerConfig edit(java.util.function.Consumer<Draft> change) {
    Draft c = new Draft(this);
    change.accept(c);
    return new ServerConfig(
        c.host,
        c.port,
        c.rootAccessKeyId,
        c.rootSecretKey,
        c.accountId,
        c.region,
        c.maxBodyBytes,
        c.idleTimeoutSeconds,
        c.clock,
        c.enforcementMode,
        c.dataDir,
        c.initFile,
        c.console,
        c.s3MaxObjectSize,
        c.cloudTrailDir,
        c.cloudTrailEvents);
  }

  /** A mutable copy of a configuration, used only by {@link #edit}. */
  private static final class Draft {
    String host;
    int port;
    String rootAccessKeyId;
    String rootSecretKey;
    String accountId;
    String region;
    int maxBodyBytes;
    int idleTimeoutSeconds;
    Clock clock;
    EnforcementMode enforcementMode;
    Path dataDir;
    Path initFile;
    boolean console;
    int s3MaxObjectSize;
    Path cloudTrailDir;
    int cloudTrailEvents;

    Draft(ServerConfig from) {
      host = from.host;
      port = from.port;
      rootAccessKeyId = from.rootAccessKeyId;
      rootSecretKey = from.rootSecretKey;
      accountId = from.accountId;
      region = from.region;
      maxBodyBytes = from.maxBodyBytes;
      idleTimeoutSeconds = from.idleTimeoutSeconds;
      clock = from.clock;
      enforcementMode = from.enforcementMode;
      dataDir = from.dataDir;
      initFile = from.initFile;
      console = from.console;
      s3MaxObjectSize = from.s3MaxObjectSize;
      cloudTrailDir = from.cloudTrailDir;
      cloudTrailEvents = from.cloudTrailEvents;
    }
  }

  /**
   * The record's usual form with the root secret key masked, since configurations end up in logs.
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ServerConfig[");
    for (java.lang.reflect.RecordComponent component : ServerConfig.class.getRecordComponents()) {
      Object value;
      try {
        value =
            component.getName().equals("rootSecretKey")
                ? "****"
                : component.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        value = "?";
      }
      out.append(out.length() > "ServerConfig[".length() ? ", " : "")
          .append(component.getName())
          .append('=')
          .append(value);
    }
    return out.append(']').toString();
  }
}
