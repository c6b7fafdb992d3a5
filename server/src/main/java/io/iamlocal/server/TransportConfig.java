package io.iamlocal.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the listener guards itself against hostile or broken clients, and whether it speaks TLS. The
 * idle timeout and body limit live in {@link ServerConfig}; these are the other limits.
 *
 * @param maxInitialLineBytes longest request line (method, URI, version); longer ones get 414
 * @param maxHeaderBytes largest header section; larger ones get 431
 * @param requestTimeoutSeconds longest a client may take to send one request (headers and body)
 *     once its first byte has arrived; a slower one gets 408 and is disconnected (slow-loris)
 * @param tls TLS on the same port, or {@link Tls#OFF}
 * @param safeguards allowed Host names and memory bounds (see {@link Safeguards})
 */
public record TransportConfig(
    int maxInitialLineBytes,
    int maxHeaderBytes,
    int requestTimeoutSeconds,
    Tls tls,
    Safeguards safeguards) {
  public static final int DEFAULT_MAX_INITIAL_LINE = 16 * 1024;
  public static final int DEFAULT_MAX_HEADER_BYTES = 32 * 1024;
  public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

  public TransportConfig {
    positive(maxInitialLineBytes, "max initial line");
    positive(maxHeaderBytes, "max header size");
    positive(requestTimeoutSeconds, "request timeout");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(safeguards, "safeguards");
  }

  /** As the canonical constructor, with the default safeguards. */
  public TransportConfig(
      int maxInitialLineBytes, int maxHeaderBytes, int requestTimeoutSeconds, Tls tls) {
    this(maxInitialLineBytes, maxHeaderBytes, requestTimeoutSeconds, tls, Safeguards.defaults());
  }

  /** 16 KiB request line, 32 KiB of headers, 30 s to send a request, no TLS. */
  public static TransportConfig defaults() {
    return new TransportConfig(
        DEFAULT_MAX_INITIAL_LINE,
        DEFAULT_MAX_HEADER_BYTES,
        DEFAULT_REQUEST_TIMEOUT_SECONDS,
        Tls.OFF);
  }

  public TransportConfig withMaxInitialLineBytes(int value) {
    return new TransportConfig(value, maxHeaderBytes, requestTimeoutSeconds, tls, safeguards);
  }

  public TransportConfig withMaxHeaderBytes(int value) {
    return new TransportConfig(maxInitialLineBytes, value, requestTimeoutSeconds, tls, safeguards);
  }

  public TransportConfig withRequestTimeoutSeconds(int value) {
    return new TransportConfig(maxInitialLineBytes, maxHeaderBytes, value, tls, safeguards);
  }

  public TransportConfig withTls(Tls value) {
    return new TransportConfig(
        maxInitialLineBytes, maxHeaderBytes, requestTimeoutSeconds, value, safeguards);
  }

  public TransportConfig withSafeguards(Safeguards value) {
    return new TransportConfig(
        maxInitialLineBytes, maxHeaderBytes, requestTimeoutSeconds, tls, value);
  }

  private static void positive(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be positive, not " + value);
    }
  }

  /**
   * TLS settings. When enabled, the port accepts HTTPS and plain HTTP alike (each connection is
   * detected by its first bytes), and {@code aws:SecureTransport} tells them apart.
   *
   * @param enabled whether the port speaks TLS
   * @param certificate PEM certificate (chain) to serve, or null for a self-signed one made at
   *     start
   * @param privateKey PEM private key of {@code certificate} (PKCS#8 or PKCS#1/SEC1), or null
   * @param certificateOut where to write the PEM certificate clients should trust (the generated
   *     CA), or null for a temporary file; ignored when {@code certificate} is given
   */
  public record Tls(boolean enabled, Path certificate, Path privateKey, Path certificateOut) {
    public static final Tls OFF = new Tls(false, null, null, null);

    public Tls {
      if ((certificate == null) != (privateKey == null)) {
        throw new IllegalArgumentException("a TLS certificate and its private key go together");
      }
    }

    /** TLS with a certificate for localhost and 127.0.0.1 generated at start. */
    public static Tls selfSigned(Path certificateOut) {
      return new Tls(true, null, null, certificateOut);
    }

    /** TLS with the given PEM certificate and key. */
    public static Tls files(Path certificate, Path privateKey) {
      return new Tls(
          true,
          Objects.requireNonNull(certificate, "certificate"),
          Objects.requireNonNull(privateKey, "privateKey"),
          null);
    }
  }
}
