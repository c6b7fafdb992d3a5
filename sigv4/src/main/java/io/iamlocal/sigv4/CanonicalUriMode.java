package io.iamlocal.sigv4;

/** How the request path becomes the canonical URI; S3 differs from every other service. */
public enum CanonicalUriMode {
  /**
   * All services except S3: remove dot segments, collapse empty segments, then URI-encode the raw
   * (already percent-encoded) path once more, so {@code %20} on the wire becomes {@code %2520}.
   */
  NORMALIZED,
  /**
   * S3: no normalization, single encoding. Each raw segment is decoded and re-encoded so the result
   * is the canonical encoding of what was sent ({@code %2F} inside a segment stays {@code %2F}).
   */
  S3;

  /** {@link #S3} for service {@code s3}, {@link #NORMALIZED} for anything else. */
  public static CanonicalUriMode forService(String service) {
    return "s3".equals(service) ? S3 : NORMALIZED;
  }
}
