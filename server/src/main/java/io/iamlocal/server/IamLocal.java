package io.iamlocal.server;

import io.iamlocal.server.durable.DataStoreException;
import io.iamlocal.server.log.AsyncRequestLog;
import io.iamlocal.server.log.LogFormat;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.seed.SeedException;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.state.Partition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * IAMLocal embedded in a JVM: the entry point for Java tests and for the {@code iamlocal} command.
 *
 * <pre>{@code
 * try (IamLocal iamLocal = IamLocal.builder().port(0).start()) {
 *   IamClient iam = IamClient.builder()
 *       .endpointOverride(iamLocal.endpoint())
 *       .region(Region.AWS_GLOBAL)
 *       .credentialsProvider(StaticCredentialsProvider.create(
 *           AwsBasicCredentials.create(iamLocal.accessKeyId(), iamLocal.secretAccessKey())))
 *       .build();
 *   iam.createUser(r -> r.userName("alice"));
 * }
 * }</pre>
 *
 * <p>Each instance has its own port, state and threads, so several can run side by side in one JVM
 * (one per test class, or one per test). All methods are thread-safe.
 */
public final class IamLocal implements AutoCloseable {
  private final ServerConfig config;
  private final Supplier<RequestLog> requestLogFactory;
  private final TransportConfig transport;
  private volatile IamLocalServer server;
  private RequestLog requestLog = RequestLog.NONE;
  private boolean closed;

  private IamLocal(
      ServerConfig config, Supplier<RequestLog> requestLogFactory, TransportConfig transport) {
    this.config = config;
    this.requestLogFactory = requestLogFactory;
    this.transport = transport;
  }

  /**
   * A builder with the CLI's defaults: {@code 127.0.0.1}, port 4566, account {@code 123456789012},
   * root credentials {@code test}/{@code test}, region {@code us-east-1}, the system UTC clock, and
   * no request log. Tests usually want {@code port(0)}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving; returns once requests are accepted.
   *
   * @return this instance, running
   * @throws IllegalStateException if it was already started or closed, or could not start
   * @throws UncheckedIOException if the port could not be bound (e.g. already in use)
   * @throws DataStoreException if the data directory is corrupted, from a newer version, or in use
   * @throws SeedException if the seed file cannot be read or applied (the message names its line)
   */
  public synchronized IamLocal start() {
    if (closed) {
      throw new IllegalStateException("this IAMLocal instance is closed; build a new one");
    }
    if (server != null) {
      throw new IllegalStateException("this IAMLocal instance is already started");
    }
    RequestLog log = requestLogFactory.get();
    IamLocalServer starting = new IamLocalServer(config, log, transport);
    try {
      starting.start();
    } catch (Exception e) {
      starting.close();
      log.close();
      if (e instanceof DataStoreException || e instanceof SeedException) {
        // Already say what is wrong and where (data directory, seed file line).
        throw (RuntimeException) e;
      }
      String where = config.host() + ":" + config.port();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting IAMLocal on " + where, e);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException(
            "could not start IAMLocal on " + where + ": " + e.getMessage(), io);
      }
      throw new IllegalStateException("could not start IAMLocal on " + where + ": " + e, e);
    }
    requestLog = log;
    server = starting;
    return this;
  }

  /**
   * Whether the server has been started and not yet closed.
   *
   * @return true while requests are served
   */
  public synchronized boolean isRunning() {
    return server != null && !closed;
  }

  /**
   * The HTTP endpoint to give an SDK's {@code endpointOverride} or the AWS CLI's {@code
   * --endpoint-url}, e.g. {@code http://127.0.0.1:54321}. A wildcard bind address is reported as
   * {@code 127.0.0.1}.
   *
   * @return the endpoint URI
   * @throws IllegalStateException if the server is not started
   */
  public URI endpoint() {
    return running().endpoint();
  }

  /**
   * With TLS on, the PEM file clients should trust (the generated local CA, or your certificate):
   * give it to the AWS CLI and SDKs as {@code AWS_CA_BUNDLE}.
   *
   * @return the PEM file, or null when TLS is off
   * @throws IllegalStateException if the server is not started
   */
  public java.nio.file.Path tlsTrustFile() {
    return running().tlsTrustFile();
  }

  /**
   * The port actually bound, useful after {@code port(0)}.
   *
   * @return the local port
   * @throws IllegalStateException if the server is not started
   */
  public int port() {
    return running().boundAddress().getPort();
  }

  /**
   * The root user's credentials, which sign requests as {@code arn:aws:iam::ACCOUNT:root}.
   *
   * @return the access key ID and secret access key
   */
  public Credentials credentials() {
    return new Credentials(config.rootAccessKeyId(), config.rootSecretKey());
  }

  /**
   * The root user's credentials of another account: its 12-digit ID as access key ID, with the root
   * secret; the account comes into being with the first request they sign.
   *
   * @param accountId a 12-digit account ID
   * @return the access key ID and secret access key
   * @throws IllegalArgumentException if {@code accountId} is not 12 digits
   */
  public Credentials credentials(String accountId) {
    if (!IamLocalState.isAccountNumber(accountId)) {
      throw new IllegalArgumentException("an account ID is 12 digits: " + accountId);
    }
    return new Credentials(accountId, config.rootSecretKey());
  }

  /**
   * The root user's access key ID.
   *
   * @return the access key ID
   */
  public String accessKeyId() {
    return config.rootAccessKeyId();
  }

  /**
   * The root user's secret access key.
   *
   * @return the secret access key
   */
  public String secretAccessKey() {
    return config.rootSecretKey();
  }

  /**
   * The 12-digit account ID used in ARNs.
   *
   * @return the account ID
   */
  public String accountId() {
    return config.accountId();
  }

  /**
   * The region the server reports; give it to STS clients.
   *
   * @return the region name, e.g. {@code us-east-1}
   */
  public String region() {
    return config.region();
  }

  /**
   * The ARN of the account's root user, the identity of {@link #credentials()}.
   *
   * @return {@code arn:aws:iam::ACCOUNT:root}, in the partition of {@link #region()} ({@code
   *     arn:aws-cn:…} for {@code cn-north-1})
   */
  public String rootArn() {
    return Arns.root(Partition.forRegion(config.region()), config.accountId());
  }

  /**
   * The configuration this instance runs with.
   *
   * @return the server configuration; its port is the requested one (see {@link #port()})
   */
  public ServerConfig config() {
    return config;
  }

  /**
   * The connection limits and TLS settings this instance runs with.
   *
   * @return the transport configuration
   */
  public TransportConfig transport() {
    return transport;
  }

  /**
   * Wipes all IAM and STS state (users, roles, keys, policies…), keeping only the root credentials,
   * as {@code POST /moto-api/reset} does. Requests that start afterwards see the empty account.
   *
   * @throws IllegalStateException if the server is not started
   */
  public void reset() {
    running().reset();
  }

  /**
   * The underlying server, for access to its state and registry.
   *
   * @return the running server
   * @throws IllegalStateException if the server is not started
   */
  public IamLocalServer server() {
    return running();
  }

  /** Stops serving, releases the port and threads, and flushes the request log. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.close();
      requestLog.close();
    }
  }

  /**
   * Describes the instance without its secret.
   *
   * @return e.g. {@code IamLocal[http://127.0.0.1:54321, account 123456789012]}
   */
  @Override
  public String toString() {
    IamLocalServer s = server;
    String where = s == null ? "not started" : closed ? "closed" : s.endpoint().toString();
    return "IamLocal[" + where + ", account " + config.accountId() + "]";
  }

  private IamLocalServer running() {
    IamLocalServer s = server;
    if (s == null) {
      throw new IllegalStateException("IAMLocal is not started: call start() first");
    }
    return s;
  }

  /**
   * An access key pair. {@link #toString()} leaves the secret out.
   *
   * @param accessKeyId the access key ID
   * @param secretAccessKey the secret access key
   */
  public record Credentials(String accessKeyId, String secretAccessKey) {

    /**
     * Shows only the access key ID.
     *
     * @return e.g. {@code Credentials[accessKeyId=test, secretAccessKey=****]}
     */
    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
  }

  /** Configures an {@link IamLocal}; every setter returns the builder. Not thread-safe. */
  public static final class Builder {
    private ServerConfig config = ServerConfig.defaults();
    private Supplier<RequestLog> requestLog = () -> RequestLog.NONE;
    private TransportConfig transport = TransportConfig.defaults();

    private Builder() {}

    /**
     * Starts from a whole configuration, e.g. one shared with other code.
     *
     * @param value the configuration; later setters override its fields
     * @return this builder
     */
    public Builder config(ServerConfig value) {
      config = Objects.requireNonNull(value, "config");
      return this;
    }

    /**
     * The address to listen on (default {@code 127.0.0.1}; {@code 0.0.0.0} for all interfaces).
     *
     * @param value a host name or IP address
     * @return this builder
     */
    public Builder host(String value) {
      config = config.withHost(requireText(value, "host"));
      return this;
    }

    /**
     * The port to listen on (default 4566); 0 picks a free port, see {@link IamLocal#port()}.
     *
     * @param value 0 to 65535
     * @return this builder
     */
    public Builder port(int value) {
      if (value < 0 || value > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, not " + value);
      }
      config = config.withPort(value);
      return this;
    }

    /**
     * The account ID used in ARNs (default {@code 123456789012}).
     *
     * @param value exactly 12 digits
     * @return this builder
     */
    public Builder accountId(String value) {
      if (!IamLocalState.isAccountNumber(value)) {
        throw new IllegalArgumentException("account ID must be 12 digits, not " + value);
      }
      config = config.withAccountId(value);
      return this;
    }

    /**
     * The root user's access key pair (default {@code test}/{@code test}).
     *
     * @param accessKeyId the access key ID clients sign with
     * @param secretAccessKey its secret
     * @return this builder
     */
    public Builder rootCredentials(String accessKeyId, String secretAccessKey) {
      config =
          config.withRootCredentials(
              requireText(accessKeyId, "access key ID"),
              requireText(secretAccessKey, "secret access key"));
      return this;
    }

    /**
     * The region the server reports (default {@code us-east-1}).
     *
     * @param value a region name
     * @return this builder
     */
    public Builder region(String value) {
      config = config.withRegion(requireText(value, "region"));
      return this;
    }

    /**
     * The clock for creation dates, credential expiry and SigV4 time checks (default system UTC). A
     * fixed or offset clock makes time-dependent behaviour testable; clients must sign with times
     * within 15 minutes of it.
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      config = config.withClock(Objects.requireNonNull(value, "clock"));
      return this;
    }

    /**
     * Whether IAM policies are enforced (default true): non-root callers need policies allowing
     * each IAM, STS and S3 call, and AssumeRole* evaluate trust policies. {@code false} allows
     * every authenticated call, like moto.
     *
     * @param value false to allow everything
     * @return this builder
     */
    public Builder enforce(boolean value) {
      config = config.withEnforce(value);
      return this;
    }

    /**
     * Whether the web console is served at {@code /_iamlocal/} with its read-only JSON API under
     * {@code /_iamlocal/api/} (default true). It shows users, groups, roles, policies, key IDs and
     * sessions (never secrets) without a signature, so turn it off where the port is reachable by
     * others.
     *
     * @param value false to serve no console
     * @return this builder
     */
    public Builder console(boolean value) {
      config = config.withConsole(value);
      return this;
    }

    /**
     * How policies are enforced: {@code STRICT} (the default) refuses what they deny, {@code SOFT}
     * evaluates every IAM, STS and S3 call and logs each denial (one structured line, kept for
     * {@code GET /_iamlocal/denials}) but lets it through, {@code OFF} is {@code enforce(false)}.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder enforcement(io.iamlocal.server.authz.EnforcementMode mode) {
      config = config.withEnforcement(Objects.requireNonNull(mode, "mode"));
      return this;
    }

    /**
     * The largest S3 object accepted (default 5 MiB); objects are kept in memory.
     *
     * @param bytes a positive size in bytes
     * @return this builder
     */
    public Builder s3MaxObjectSize(int bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("s3MaxObjectSize must be positive");
      }
      config = config.withS3MaxObjectSize(bytes);
      return this;
    }

    /**
     * The largest request body accepted (default 8 MiB); larger ones get an AWS-style 413.
     *
     * @param bytes a positive size in bytes
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("max body must be positive, not " + bytes);
      }
      config = config.withMaxBodyBytes(bytes);
      return this;
    }

    /**
     * How long a connection may stay silent before it is closed (default 120 s).
     *
     * @param seconds a positive number of seconds
     * @return this builder
     */
    public Builder idleTimeoutSeconds(int seconds) {
      if (seconds < 1) {
        throw new IllegalArgumentException("idle timeout must be positive, not " + seconds);
      }
      config = config.withIdleTimeoutSeconds(seconds);
      return this;
    }

    /**
     * How long a client may take to send one request, headers and body, once it has started
     * (default 30 s); a slower one gets an AWS-style 408 and is disconnected.
     *
     * @param seconds a positive number of seconds
     * @return this builder
     */
    public Builder requestTimeoutSeconds(int seconds) {
      transport = transport.withRequestTimeoutSeconds(seconds);
      return this;
    }

    /**
     * The largest header section accepted (default 32 KiB); larger ones get an AWS-style 431.
     *
     * @param bytes a positive size in bytes
     * @return this builder
     */
    public Builder maxHeaderBytes(int bytes) {
      transport = transport.withMaxHeaderBytes(bytes);
      return this;
    }

    /**
     * A Host name {@code /moto-api/reset} and {@code /_iamlocal/*} answer besides loopback names,
     * IP literals and the listen host (e.g. a docker-compose service name); others are refused, so
     * that a DNS-rebinding web page cannot reach them.
     *
     * @param name a host name, without port
     * @return this builder
     */
    public Builder allowedHost(String name) {
      transport =
          transport.withSafeguards(
              transport.safeguards().withAllowedHost(requireText(name, "allowed host")));
      return this;
    }

    /**
     * The bytes all S3 objects together may hold (default: a quarter of the heap, at most 64 MiB);
     * a PUT beyond it is refused with S3's 503 {@code ServiceUnavailable}.
     *
     * @param bytes a positive number of bytes
     * @return this builder
     */
    public Builder s3MaxTotalBytes(long bytes) {
      transport = transport.withSafeguards(transport.safeguards().withS3MaxTotalBytes(bytes));
      return this;
    }

    /**
     * How many recent denials {@code GET /_iamlocal/denials} keeps (default 1,000; older ones are
     * dropped, counts go on).
     *
     * @param entries a positive number
     * @return this builder
     */
    public Builder denialLogSize(int entries) {
      transport = transport.withSafeguards(transport.safeguards().withDenialLogSize(entries));
      return this;
    }

    /**
     * Serves HTTPS on the port (plain HTTP keeps working on it; {@code aws:SecureTransport} tells
     * them apart) with a certificate for {@code localhost} and {@code 127.0.0.1} signed by a local
     * CA made at start. {@link IamLocal#tlsTrustFile()} is that CA's PEM file, for clients to
     * trust.
     *
     * @return this builder
     */
    public Builder tls() {
      transport =
          transport.withTls(TransportConfig.Tls.selfSigned(transport.tls().certificateOut()));
      return this;
    }

    /**
     * Serves HTTPS with your own certificate.
     *
     * @param certificatePem PEM certificate (chain), leaf first
     * @param privateKeyPem its unencrypted PEM private key (PKCS#8, PKCS#1 or SEC1)
     * @return this builder
     */
    public Builder tls(java.nio.file.Path certificatePem, java.nio.file.Path privateKeyPem) {
      transport = transport.withTls(TransportConfig.Tls.files(certificatePem, privateKeyPem));
      return this;
    }

    /**
     * With {@link #tls()}, where to write the PEM certificate clients should trust (default: a
     * temporary file, deleted when the JVM exits).
     *
     * @param file the PEM file to write
     * @return this builder
     */
    public Builder tlsCertificateOut(java.nio.file.Path file) {
      transport =
          transport.withTls(TransportConfig.Tls.selfSigned(Objects.requireNonNull(file, "file")));
      return this;
    }

    /**
     * Keeps the state in a data directory (created if missing): every acknowledged write is on disk
     * (SQLite, fsynced) before its response is sent, and a restart on the same directory, even
     * after {@code kill -9}, resumes the same state. Without it nothing touches the disk.
     *
     * @param dir the directory, or null for in-memory state (the default)
     * @return this builder
     */
    public Builder dataDir(Path dir) {
      config = config.withDataDir(dir);
      return this;
    }

    /**
     * Also writes the trail as CloudTrail log files under {@code dir} ({@code
     * AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz}).
     *
     * @param dir the directory (created if missing), or null for the in-memory trail only (the
     *     default)
     * @return this builder
     */
    public Builder cloudTrailDir(Path dir) {
      config = config.withCloudTrailDir(dir);
      return this;
    }

    /**
     * How many CloudTrail events the in-memory trail keeps (default 1,000); 0 records none.
     *
     * @param events the ring's size
     * @return this builder
     */
    public Builder cloudTrailEvents(int events) {
      if (events < 0) {
        throw new IllegalArgumentException("cloudTrailEvents must not be negative");
      }
      config = config.withCloudTrailEvents(events);
      return this;
    }

    /**
     * A seed file (YAML, or JSON when named {@code *.json}) of users, groups, roles and policies,
     * applied at start through the same validation as the API; with a data directory, only when its
     * state is empty. {@code GET /_iamlocal/state} exports this format.
     *
     * @param file the seed file, or null for none (the default)
     * @return this builder
     */
    public Builder initFile(Path file) {
      config = config.withInitFile(file);
      return this;
    }

    /**
     * Logs one line per AWS request to standard output (off by default for embedded servers).
     *
     * @param format text ({@code key=value}) or JSON lines
     * @return this builder
     */
    public Builder requestLog(LogFormat format) {
      return requestLog(format, System.out);
    }

    /**
     * Logs one line per AWS request to a stream, written by a background thread.
     *
     * @param format text ({@code key=value}) or JSON lines
     * @param out where lines go; flushed after each batch and never closed
     * @return this builder
     */
    public Builder requestLog(LogFormat format, OutputStream out) {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(out, "out");
      requestLog = () -> new AsyncRequestLog(format, out);
      return this;
    }

    /**
     * Reports every AWS request to a custom log, e.g. to collect them in a test; it is closed with
     * the server. {@link RequestLog#NONE} turns logging off.
     *
     * @param log the log; its {@code record} runs on the event loop and must not block
     * @return this builder
     */
    public Builder requestLog(RequestLog log) {
      Objects.requireNonNull(log, "log");
      requestLog = () -> log;
      return this;
    }

    /**
     * An instance with this configuration, not yet started.
     *
     * @return the instance; call {@link IamLocal#start()}
     */
    public IamLocal build() {
      return new IamLocal(config, requestLog, transport);
    }

    /**
     * Builds and starts an instance.
     *
     * @return the running instance; close it when done
     * @throws UncheckedIOException if the port could not be bound
     */
    public IamLocal start() {
      return build().start();
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }
  }
}
