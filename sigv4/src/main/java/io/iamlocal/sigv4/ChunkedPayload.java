package io.iamlocal.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes an {@code aws-chunked} request body (S3 streaming uploads) and verifies its chunk
 * signatures. The request's own (seed) signature must already have been verified; each chunk's
 * signature chains from the previous one:
 *
 * <pre>
 * AWS4-HMAC-SHA256-PAYLOAD\n{amzDate}\n{scope}\n{previous signature}\n{sha256("")}\n{sha256(chunk)}
 * </pre>
 *
 * and with a trailer ({@code x-amz-trailer}), the trailing headers are signed as {@code
 * AWS4-HMAC-SHA256-TRAILER\n{amzDate}\n{scope}\n{previous signature}\n{sha256("name:value\n"…)}}.
 * The unsigned variant ({@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}) carries no signatures; its
 * integrity comes from the trailing checksum, which the caller checks.
 */
public final class ChunkedPayload {
  /** Signed chunks, no trailer. */
  public static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";

  /** Signed chunks and a signed trailer. */
  public static final String STREAMING_SIGNED_TRAILER =
      "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";

  /** Unsigned chunks with a trailer (TLS protects the body). */
  public static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

  static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
  static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
  static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

  private ChunkedPayload() {}

  /**
   * The decoded body and its trailing headers (names lower-case, without the trailer signature).
   */
  public record Decoded(byte[] payload, Map<String, String> trailers) {}

  /**
   * Why a body could not be decoded: it is malformed, or a chunk or trailer signature does not
   * match.
   */
  public static final class ChunkException extends Exception {
    private final boolean signatureMismatch;

    ChunkException(String message, boolean signatureMismatch) {
      super(message, null, false, false);
      this.signatureMismatch = signatureMismatch;
    }

    public boolean signatureMismatch() {
      return signatureMismatch;
    }
  }

  /** Whether {@code x-amz-content-sha256} announces an aws-chunked body. */
  public static boolean isStreaming(String contentSha256) {
    return contentSha256 != null && contentSha256.startsWith("STREAMING-");
  }

  /**
   * Decodes {@code body} sent with {@code x-amz-content-sha256: contentSha256}, verifying chunk
   * signatures against the signing material of {@code verified}.
   */
  public static Decoded decode(byte[] body, String contentSha256, Verified verified)
      throws ChunkException {
    boolean signed =
        contentSha256.equals(STREAMING_SIGNED) || contentSha256.equals(STREAMING_SIGNED_TRAILER);
    boolean trailer =
        contentSha256.equals(STREAMING_SIGNED_TRAILER)
            || contentSha256.equals(STREAMING_UNSIGNED_TRAILER);
    if (!signed && !trailer) {
      throw new ChunkException("Unsupported x-amz-content-sha256 value: " + contentSha256, false);
    }
    Signing signing = signed ? Signing.of(verified) : null;
    String previous = signed ? signing.seed : null;
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(16, body.length));
    int pos = 0;
    while (true) {
      int eol = lineEnd(body, pos);
      String header = new String(body, pos, eol - pos, StandardCharsets.US_ASCII);
      pos = eol + 2;
      int semi = header.indexOf(';');
      String sizeText = (semi < 0 ? header : header.substring(0, semi)).strip();
      int size;
      try {
        size = Integer.parseInt(sizeText, 16);
      } catch (NumberFormatException e) {
        throw new ChunkException("Invalid chunk size: " + sizeText, false);
      }
      if (size < 0 || pos + size > body.length) {
        throw new ChunkException("The request body terminated unexpectedly", false);
      }
      if (signed) {
        String provided = extension(header, "chunk-signature");
        if (provided == null) {
          throw new ChunkException("Missing chunk-signature", false);
        }
        byte[] data = java.util.Arrays.copyOfRange(body, pos, pos + size);
        String expected =
            signing.sign(
                CHUNK_ALGORITHM
                    + '\n'
                    + signing.amzDate
                    + '\n'
                    + signing.scope
                    + '\n'
                    + previous
                    + '\n'
                    + PayloadHash.EMPTY_SHA256
                    + '\n'
                    + PayloadHash.sha256Hex(data));
        if (!constantTimeEquals(expected, provided)) {
          throw new ChunkException("The chunk signature does not match", true);
        }
        previous = expected;
      }
      out.write(body, pos, size);
      pos += size;
      if (size == 0) {
        break;
      }
      if (pos + 2 > body.length || body[pos] != '\r' || body[pos + 1] != '\n') {
        throw new ChunkException("The request body terminated unexpectedly", false);
      }
      pos += 2;
    }
    Map<String, String> trailers = new LinkedHashMap<>();
    String trailerSignature = null;
    StringBuilder canonicalTrailer = new StringBuilder();
    while (pos < body.length) {
      int eol = lineEnd(body, pos);
      String line = new String(body, pos, eol - pos, StandardCharsets.UTF_8);
      pos = eol + 2;
      if (line.isEmpty()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ChunkException("Malformed trailing header", false);
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals(TRAILER_SIGNATURE)) {
        trailerSignature = value;
      } else {
        trailers.put(name, value);
        canonicalTrailer.append(name).append(':').append(value).append('\n');
      }
    }
    if (signed && !trailers.isEmpty()) {
      if (trailerSignature == null) {
        throw new ChunkException("Missing x-amz-trailer-signature", false);
      }
      String prefix =
          TRAILER_ALGORITHM
              + '\n'
              + signing.amzDate
              + '\n'
              + signing.scope
              + '\n'
              + previous
              + '\n';
      String expected = signing.sign(prefix + Hashing.sha256Hex(canonicalTrailer.toString()));
      if (!constantTimeEquals(expected, trailerSignature)) {
        throw new ChunkException("The trailer signature does not match", true);
      }
    }
    return new Decoded(out.toByteArray(), trailers);
  }

  private static int lineEnd(byte[] body, int from) throws ChunkException {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    throw new ChunkException("The request body terminated unexpectedly", false);
  }

  private static String extension(String header, String name) {
    for (String part : header.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
        return part.substring(eq + 1).strip();
      }
    }
    return null;
  }

  private static boolean constantTimeEquals(String expected, String provided) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        provided.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /** The signing key, date, scope and seed signature of the verified request. */
  private record Signing(byte[] key, String amzDate, String scope, String seed) {
    static Signing of(Verified verified) {
      CredentialScope scope = verified.scope();
      byte[] key =
          SigningKeyDeriver.derive(
              verified.credential().secretAccessKey(),
              scope.date(),
              scope.region(),
              scope.service());
      String[] lines = verified.stringToSign().split("\n", -1);
      return new Signing(
          key, lines[1], scope.scopeString(), StringToSign.sign(key, verified.stringToSign()));
    }

    String sign(String stringToSign) {
      return StringToSign.sign(key, stringToSign);
    }
  }

  /**
   * Encodes {@code payload} as signed aws-chunked chunks of {@code chunkSize} bytes, as the SDKs
   * send it (for tests and clients); {@code trailers} (may be empty) are appended and signed.
   */
  public static byte[] encodeSigned(
      byte[] payload,
      int chunkSize,
      byte[] signingKey,
      String amzDate,
      CredentialScope scope,
      String seedSignature,
      Map<String, String> trailers) {
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String previous = seedSignature;
    int pos = 0;
    while (true) {
      int size = Math.min(chunkSize, payload.length - pos);
      byte[] data = java.util.Arrays.copyOfRange(payload, pos, pos + size);
      String signature =
          StringToSign.sign(
              signingKey,
              CHUNK_ALGORITHM
                  + '\n'
                  + amzDate
                  + '\n'
                  + scope.scopeString()
                  + '\n'
                  + previous
                  + '\n'
                  + PayloadHash.EMPTY_SHA256
                  + '\n'
                  + PayloadHash.sha256Hex(data));
      previous = signature;
      out.writeBytes(
          (Integer.toHexString(size) + ";chunk-signature=" + signature + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(data);
      pos += size;
      if (size == 0) {
        break;
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    if (trailers.isEmpty()) {
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      return out.toByteArray();
    }
    trailers.forEach((k, v) -> text.append(k).append(':').append(v).append('\n'));
    String trailerSignature =
        StringToSign.sign(
            signingKey,
            TRAILER_ALGORITHM
                + '\n'
                + amzDate
                + '\n'
                + scope.scopeString()
                + '\n'
                + previous
                + '\n'
                + Hashing.sha256Hex(text.toString()));
    trailers.forEach(
        (k, v) -> out.writeBytes((k + ':' + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
    out.writeBytes(
        (TRAILER_SIGNATURE + ':' + trailerSignature + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
