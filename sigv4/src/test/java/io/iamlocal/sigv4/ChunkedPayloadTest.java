package io.iamlocal.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * aws-chunked decoding and chunk signature checks, against AWS's documented example and round
 * trips.
 */
class ChunkedPayloadTest {
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  static final CredentialScope SCOPE = new CredentialScope("20130524", "us-east-1", "s3");
  static final String AMZ_DATE = "20130524T000000Z";

  /**
   * The string to sign of AWS's "Signature calculations for the Authorization header: Transferring
   * payload in multiple chunks" example.
   */
  static final String SEED_STRING_TO_SIGN =
      "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
          + "cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455";

  static final Verified VERIFIED =
      new Verified(
          SigningCredential.of("AKIAIOSFODNN7EXAMPLE", SECRET), SCOPE, "", SEED_STRING_TO_SIGN);
  static final byte[] KEY = SigningKeyDeriver.derive(SECRET, "20130524", "us-east-1", "s3");

  @Test
  void awsDocumentedExampleSignatures() throws Exception {
    String seed = StringToSign.sign(KEY, SEED_STRING_TO_SIGN);
    assertThat(seed).isEqualTo("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
    byte[] payload = new byte[66560];
    Arrays.fill(payload, (byte) 'a');
    byte[] body = ChunkedPayload.encodeSigned(payload, 65536, KEY, AMZ_DATE, SCOPE, seed, Map.of());
    String text = new String(body, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .startsWith(
            "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n");
    assertThat(text)
        .contains(
            "\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n");
    assertThat(text)
        .endsWith(
            "\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n");
    ChunkedPayload.Decoded decoded =
        ChunkedPayload.decode(body, ChunkedPayload.STREAMING_SIGNED, VERIFIED);
    assertThat(decoded.payload()).isEqualTo(payload);
    assertThat(decoded.trailers()).isEmpty();
  }

  @Test
  void signedTrailerRoundTrip() throws Exception {
    byte[] payload = "hello, chunked world".getBytes(StandardCharsets.UTF_8);
    String seed = StringToSign.sign(KEY, SEED_STRING_TO_SIGN);
    Map<String, String> trailers = new LinkedHashMap<>();
    trailers.put("x-amz-checksum-crc32", "AAAAAA==");
    byte[] body = ChunkedPayload.encodeSigned(payload, 8, KEY, AMZ_DATE, SCOPE, seed, trailers);
    ChunkedPayload.Decoded decoded =
        ChunkedPayload.decode(body, ChunkedPayload.STREAMING_SIGNED_TRAILER, VERIFIED);
    assertThat(new String(decoded.payload(), StandardCharsets.UTF_8))
        .isEqualTo("hello, chunked world");
    assertThat(decoded.trailers()).containsExactly(Map.entry("x-amz-checksum-crc32", "AAAAAA=="));

    byte[] tampered =
        new String(body, StandardCharsets.ISO_8859_1)
            .replace("AAAAAA==", "BBBBBB==")
            .getBytes(StandardCharsets.ISO_8859_1);
    ChunkedPayload.ChunkException e =
        catchThrowableOfType(
            () ->
                ChunkedPayload.decode(tampered, ChunkedPayload.STREAMING_SIGNED_TRAILER, VERIFIED),
            ChunkedPayload.ChunkException.class);
    assertThat(e.signatureMismatch()).isTrue();
  }

  @Test
  void alteredChunkDataFailsItsSignature() {
    byte[] payload = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    byte[] body =
        ChunkedPayload.encodeSigned(
            payload,
            4,
            KEY,
            AMZ_DATE,
            SCOPE,
            StringToSign.sign(KEY, SEED_STRING_TO_SIGN),
            Map.of());
    byte[] tampered =
        new String(body, StandardCharsets.ISO_8859_1)
            .replace("4567", "4568")
            .getBytes(StandardCharsets.ISO_8859_1);
    ChunkedPayload.ChunkException e =
        catchThrowableOfType(
            () -> ChunkedPayload.decode(tampered, ChunkedPayload.STREAMING_SIGNED, VERIFIED),
            ChunkedPayload.ChunkException.class);
    assertThat(e.signatureMismatch()).isTrue();
    assertThat(e).hasMessage("The chunk signature does not match");
  }

  @Test
  void wrongSeedFailsTheFirstChunk() {
    byte[] body =
        ChunkedPayload.encodeSigned(
            new byte[] {1, 2, 3}, 4, KEY, AMZ_DATE, SCOPE, "00".repeat(32), Map.of());
    assertThat(
            catchThrowableOfType(
                    () -> ChunkedPayload.decode(body, ChunkedPayload.STREAMING_SIGNED, VERIFIED),
                    ChunkedPayload.ChunkException.class)
                .signatureMismatch())
        .isTrue();
  }

  @Test
  void unsignedTrailerAsTheSdkSendsIt() throws Exception {
    byte[] body =
        "5\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    ChunkedPayload.Decoded decoded =
        ChunkedPayload.decode(body, ChunkedPayload.STREAMING_UNSIGNED_TRAILER, VERIFIED);
    assertThat(new String(decoded.payload(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
    assertThat(decoded.trailers()).containsEntry("x-amz-checksum-crc32", "DUoRhQ==");
  }

  @Test
  void truncatedAndMalformedBodiesAreRefused() {
    for (String bad :
        new String[] {"5\r\nhel", "zz\r\nhello\r\n0\r\n\r\n", "5\r\nhelloXX0\r\n\r\n", ""}) {
      ChunkedPayload.ChunkException e =
          catchThrowableOfType(
              () ->
                  ChunkedPayload.decode(
                      bad.getBytes(StandardCharsets.US_ASCII),
                      ChunkedPayload.STREAMING_UNSIGNED_TRAILER,
                      VERIFIED),
              ChunkedPayload.ChunkException.class);
      assertThat(e).as(bad).isNotNull();
      assertThat(e.signatureMismatch()).isFalse();
    }
  }

  @Test
  void missingChunkSignatureIsMalformed() {
    byte[] body = "3\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertThat(
            catchThrowableOfType(
                () -> ChunkedPayload.decode(body, ChunkedPayload.STREAMING_SIGNED, VERIFIED),
                ChunkedPayload.ChunkException.class))
        .hasMessage("Missing chunk-signature");
  }
}
