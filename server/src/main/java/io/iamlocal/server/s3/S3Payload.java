package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.sigv4.ChunkedPayload;
import io.iamlocal.sigv4.Verified;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The body of an S3 request as the operation sees it: aws-chunked streaming bodies decoded (chunk
 * and trailer signatures verified in {@link ChunkedPayload}), then the integrity headers checked:
 * {@code x-amz-decoded-content-length}, {@code Content-MD5} and the flexible checksums ({@code
 * x-amz-checksum-crc32|crc32c|sha1|sha256}, as header or trailer).
 */
final class S3Payload {
  private S3Payload() {}

  static byte[] read(HttpRequestData request, Verified verified) {
    byte[] body = request.body();
    String contentSha256 = request.header("x-amz-content-sha256");
    Map<String, String> trailers = Map.of();
    if (ChunkedPayload.isStreaming(contentSha256)) {
      try {
        ChunkedPayload.Decoded decoded =
            ChunkedPayload.decode(body, contentSha256.strip(), verified);
        body = decoded.payload();
        trailers = decoded.trailers();
      } catch (ChunkedPayload.ChunkException e) {
        if (e.signatureMismatch()) {
          throw S3Error.signatureDoesNotMatch();
        }
        throw new S3Error(400, "IncompleteBody", "The request body terminated unexpectedly");
      }
      String decodedLength = request.header("x-amz-decoded-content-length");
      if (decodedLength != null && !decodedLength.strip().equals(Integer.toString(body.length))) {
        throw new S3Error(
            400,
            "IncompleteBody",
            "You did not provide the number of bytes specified by the Content-Length HTTP header");
      }
    }
    checkMd5(request.header("content-md5"), body);
    for (String algorithm : new String[] {"crc32", "crc32c", "sha1", "sha256"}) {
      String name = "x-amz-checksum-" + algorithm;
      String claimed = trailers.getOrDefault(name, request.header(name));
      if (claimed != null && !claimed.strip().equals(checksum(algorithm, body))) {
        throw new S3Error(
            400,
            "BadDigest",
            "The "
                + algorithm.toUpperCase(Locale.ROOT)
                + " you specified did not match the calculated checksum.");
      }
    }
    return body;
  }

  private static void checkMd5(String claimed, byte[] body) {
    if (claimed == null) {
      return;
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(claimed.strip());
    } catch (IllegalArgumentException e) {
      throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was not valid.");
    }
    if (digest.length != 16) {
      throw new S3Error(400, "InvalidDigest", "The Content-MD5 you specified was not valid.");
    }
    if (!MessageDigest.isEqual(digest, md5(body))) {
      throw new S3Error(
          400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
    }
  }

  static byte[] md5(byte[] data) {
    return digest("MD5", data);
  }

  /** The quoted MD5 hex S3 uses as ETag of a single-part object. */
  static String etag(byte[] data) {
    return "\"" + HexFormat.of().formatHex(md5(data)) + "\"";
  }

  /** Base64 of the checksum, as the {@code x-amz-checksum-*} headers carry it. */
  static String checksum(String algorithm, byte[] data) {
    return switch (algorithm) {
      case "crc32" -> crc(new CRC32(), data);
      case "crc32c" -> crc(new CRC32C(), data);
      case "sha1" -> Base64.getEncoder().encodeToString(digest("SHA-1", data));
      case "sha256" -> Base64.getEncoder().encodeToString(digest("SHA-256", data));
      default -> throw new IllegalArgumentException(algorithm);
    };
  }

  private static String crc(Checksum crc, byte[] data) {
    crc.update(data, 0, data.length);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
