package io.iamlocal.server;

import io.iamlocal.server.authz.EnforcementMode;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How an IAMLocal server runs. Defaults match the CLI's: 127.0.0.1:4566, root keys test/test,
 * account 123456789012, us-east-1, IAM policies enforced ({@code enforce}; {@code softEnforcement}: only
 * logged), web console on ({@code console}).
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
    boolean enforce,
    Path dataDir,
    Path initFile,
    boolean console,
    boolean softEnforcement,
    int s3MaxObjectSize) {

  public static final int DEFAULT_PORT = 4566;
  public static final int DEFAULT_MAX_BODY = 8 * 1024 * 1024;
  /** S3 objects are kept in memory: 5 MiB each unless configured. */
  public static final int DEFAULT_S3_MAX_OBJECT_SIZE = 5 * 1024 * 1024;

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", DEFAULT_PORT, "test", "test", "123456789012", "us-east-1",
        DEFAULT_MAX_BODY, 120, Clock.systemUTC(), true, null, null, true, false, DEFAULT_S3_MAX_OBJECT_SIZE);
  }

  public ServerConfig withHost(String value) {
    return new ServerConfig(value, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withPort(int value) {
    return new ServerConfig(host, value, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withRootCredentials(String accessKeyId, String secretKey) {
    return new ServerConfig(host, port, accessKeyId, secretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withAccountId(String value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, value, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withRegion(String value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, value, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withMaxBodyBytes(int value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, value, idleTimeoutSeconds, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  /** Whether IAM policies are enforced for non-root callers (the default, strict), or every call is allowed (off). */
  public ServerConfig withEnforce(boolean value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, value, dataDir, initFile, console, false, s3MaxObjectSize);
  }

  /** Strict (refuse denials), soft (evaluate and log denials, let every call through) or off. */
  public ServerConfig withEnforcement(EnforcementMode value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock,
        value != EnforcementMode.OFF, dataDir, initFile, console, value == EnforcementMode.SOFT, s3MaxObjectSize);
  }

  /** The largest S3 object accepted, in bytes (objects live in memory; also bounded by {@code maxBodyBytes}). */
  public ServerConfig withS3MaxObjectSize(int value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock,
        enforce, dataDir, initFile, console, softEnforcement, value);
  }

  /** The enforcement mode that {@code enforce} and {@code softEnforcement} describe. */
  public EnforcementMode enforcementMode() {
    return !enforce ? EnforcementMode.OFF : softEnforcement ? EnforcementMode.SOFT : EnforcementMode.STRICT;
  }

  /**
   * Keeps the state in {@code value} (null: in memory only): every acknowledged write is on disk
   * before its response, and a restart, even after {@code kill -9}, resumes the same state.
   */
  public ServerConfig withDataDir(Path value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, value, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  /** A seed file (YAML or JSON) applied at start when the state is empty (null: none). */
  public ServerConfig withInitFile(Path value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, value, console, softEnforcement, s3MaxObjectSize);
  }

  /** Whether the web console and its read-only JSON API are served under {@code /_iamlocal/} (the default). */
  public ServerConfig withConsole(boolean value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, clock, enforce, dataDir, initFile, value, softEnforcement, s3MaxObjectSize);
  }

  public ServerConfig withClock(Clock value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, idleTimeoutSeconds, value, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  /** Seconds a connection may stay silent (no request in progress, nothing being written) before it is closed. */
  public ServerConfig withIdleTimeoutSeconds(int value) {
    return new ServerConfig(host, port, rootAccessKeyId, rootSecretKey, accountId, region, maxBodyBytes, value, clock, enforce, dataDir, initFile, console, softEnforcement, s3MaxObjectSize);
  }

  /** The record's usual form with the root secret key masked, since configurations end up in logs. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ServerConfig[");
    for (java.lang.reflect.RecordComponent component : ServerConfig.class.getRecordComponents()) {
      Object value;
      try {
        value = component.getName().equals("rootSecretKey") ? "****" : component.getAccessor().invoke(this);
      } catch (ReflectiveOperationException e) {
        value = "?";
      }
      out.append(out.length() > "ServerConfig[".length() ? ", " : "").append(component.getName()).append('=').append(value);
    }
    return out.append(']').toString();
  }
}
