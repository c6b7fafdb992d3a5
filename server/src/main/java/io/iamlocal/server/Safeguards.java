package io.iamlocal.server;

import io.iamlocal.server.dispatch.CallSettings;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What keeps one client from hurting the others on a shared network: which Host names the
 * state-changing and state-reading endpoints answer besides loopback names and IP literals (DNS
 * rebinding), and how much memory the things a client can grow may take.
 *
 * @param allowedHosts extra Host names (lower case) {@code /moto-api/reset} and {@code
 *     /_iamlocal/*} answer
 * @param s3MaxTotalBytes the bytes all S3 objects together may hold; beyond it a PUT is refused
 * @param denialLogSize the recent denials kept for {@code GET /_iamlocal/denials} (oldest dropped
 *     first)
 */
public record Safeguards(Set<String> allowedHosts, long s3MaxTotalBytes, int denialLogSize) {
  /**
   * S3 keeps objects in memory: a quarter of the heap, and at most 64 MiB, so the README's -Xmx256m
   * always has room.
   */
  public static final long DEFAULT_S3_MAX_TOTAL_BYTES =
      Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 4);

  public static final int DEFAULT_DENIAL_LOG_SIZE = CallSettings.DEFAULT_DENIAL_LOG_SIZE;

  public Safeguards {
    allowedHosts = Set.copyOf(allowedHosts);
    if (s3MaxTotalBytes < 1 || denialLogSize < 1) {
      throw new IllegalArgumentException("S3 total bytes and denial log size must be positive");
    }
  }

  public static Safeguards defaults() {
    return new Safeguards(Set.of(), DEFAULT_S3_MAX_TOTAL_BYTES, DEFAULT_DENIAL_LOG_SIZE);
  }

  public Safeguards withAllowedHost(String name) {
    Set<String> hosts = new TreeSet<>(allowedHosts);
    hosts.add(name.strip().toLowerCase(Locale.ROOT));
    return new Safeguards(hosts, s3MaxTotalBytes, denialLogSize);
  }

  public Safeguards withS3MaxTotalBytes(long value) {
    return new Safeguards(allowedHosts, value, denialLogSize);
  }

  public Safeguards withDenialLogSize(int value) {
    return new Safeguards(allowedHosts, s3MaxTotalBytes, value);
  }
}
