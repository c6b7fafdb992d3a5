package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * S3 objects in memory, driven by the SDK's S3 client (path style, default chunked encoding over
 * HTTP).
 */
class S3ObjectsIT extends WireTest {

  @Test
  void objectsArePutReadListedCopiedAndDeleted() {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), Clients.root())) {
      s3.createBucket(r -> r.bucket("data"));
      // Over HTTP the SDK streams the body as STREAMING-AWS4-HMAC-SHA256-PAYLOAD chunks, each one
      // signed.
      String etag =
          s3.putObject(
                  r ->
                      r.bucket("data")
                          .key("docs/readme.txt")
                          .contentType("text/plain")
                          .metadata(Map.of("owner", "alice")),
                  RequestBody.fromString("hello s3"))
              .eTag();
      assertThat(etag).isEqualTo("\"" + md5Hex("hello s3") + "\"");
      ResponseBytes<GetObjectResponse> got =
          s3.getObjectAsBytes(r -> r.bucket("data").key("docs/readme.txt"));
      assertThat(got.asUtf8String()).isEqualTo("hello s3");
      assertThat(got.response().contentType()).isEqualTo("text/plain");
      assertThat(got.response().contentLength()).isEqualTo(8L);
      assertThat(got.response().eTag()).isEqualTo(etag);
      assertThat(got.response().metadata()).containsEntry("owner", "alice");
      assertThat(got.response().lastModified()).isNotNull();
      HeadObjectResponse head = s3.headObject(r -> r.bucket("data").key("docs/readme.txt"));
      assertThat(head.contentLength()).isEqualTo(8L);
      assertThat(head.eTag()).isEqualTo(etag);

      s3.putObject(r -> r.bucket("data").key("docs/guide.txt"), RequestBody.fromString("guide"));
      s3.putObject(
          r -> r.bucket("data").key("img/a.png"), RequestBody.fromBytes(new byte[] {1, 2, 3}));
      s3.putObject(r -> r.bucket("data").key("top.txt"), RequestBody.fromString("top"));
      s3.copyObject(
          r ->
              r.sourceBucket("data")
                  .sourceKey("top.txt")
                  .destinationBucket("data")
                  .destinationKey("copies/top copy.txt"));
      assertThat(
              s3.getObjectAsBytes(r -> r.bucket("data").key("copies/top copy.txt")).asUtf8String())
          .isEqualTo("top");

      ListObjectsV2Response root = s3.listObjectsV2(r -> r.bucket("data").delimiter("/"));
      assertThat(root.contents()).extracting(S3Object::key).containsExactly("top.txt");
      assertThat(root.commonPrefixes())
          .extracting(CommonPrefix::prefix)
          .containsExactly("copies/", "docs/", "img/");
      assertThat(root.keyCount()).isEqualTo(4);

      ListObjectsV2Response docs = s3.listObjectsV2(r -> r.bucket("data").prefix("docs/"));
      assertThat(docs.contents())
          .extracting(S3Object::key)
          .containsExactly("docs/guide.txt", "docs/readme.txt");
      assertThat(docs.contents().get(1).size()).isEqualTo(8L);

      ListObjectsV2Response first = s3.listObjectsV2(r -> r.bucket("data").maxKeys(2));
      assertThat(first.isTruncated()).isTrue();
      assertThat(first.contents())
          .extracting(S3Object::key)
          .containsExactly("copies/top copy.txt", "docs/guide.txt");
      ListObjectsV2Response second =
          s3.listObjectsV2(
              r -> r.bucket("data").maxKeys(2).continuationToken(first.nextContinuationToken()));
      assertThat(second.contents())
          .extracting(S3Object::key)
          .containsExactly("docs/readme.txt", "img/a.png");
      assertThat(s3.listObjectsV2(r -> r.bucket("data").startAfter("img/a.png")).contents())
          .extracting(S3Object::key)
          .containsExactly("top.txt");

      ListObjectsResponse v1 = s3.listObjects(r -> r.bucket("data").delimiter("/").maxKeys(2));
      assertThat(v1.isTruncated()).isTrue();
      assertThat(v1.commonPrefixes())
          .extracting(CommonPrefix::prefix)
          .containsExactly("copies/", "docs/");
      ListObjectsResponse v1next =
          s3.listObjects(r -> r.bucket("data").delimiter("/").marker(v1.nextMarker()));
      assertThat(v1next.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("img/");
      assertThat(v1next.contents()).extracting(S3Object::key).containsExactly("top.txt");

      expect(
          () -> s3.deleteBucket(r -> r.bucket("data")),
          "BucketNotEmpty",
          409,
          "The bucket you tried to delete is not empty");
      s3.deleteObject(r -> r.bucket("data").key("top.txt"));
      NoSuchKeyException missing =
          (NoSuchKeyException)
              expect(
                  () -> s3.getObject(r -> r.bucket("data").key("top.txt")),
                  "NoSuchKey",
                  404,
                  "The specified key does not exist.");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(
              org.assertj.core.api.Assertions.catchThrowableOfType(
                      () -> s3.headObject(r -> r.bucket("data").key("top.txt")),
                      software.amazon.awssdk.services.s3.model.S3Exception.class)
                  .statusCode())
          .isEqualTo(404);
      DeleteObjectsResponse deleted =
          s3.deleteObjects(
              r ->
                  r.bucket("data")
                      .delete(
                          d ->
                              d.objects(
                                  ObjectIdentifier.builder().key("docs/guide.txt").build(),
                                  ObjectIdentifier.builder().key("docs/readme.txt").build())));
      assertThat(deleted.deleted()).hasSize(2);
      expect(
          () -> s3.getObject(r -> r.bucket("missing-bucket").key("k")),
          "NoSuchBucket",
          404,
          "The specified bucket does not exist");
    }
  }

  @Test
  void checksumTrailersLocationsAndLimits() {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), Clients.root());
        S3Client euWest =
            S3Client.builder()
                .endpointOverride(endpoint())
                .region(Region.EU_WEST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(Clients.root()))
                .build()) {
      s3.createBucket(r -> r.bucket("sums"));
      // STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER: signed chunks plus a signed
      // x-amz-checksum-crc32 trailer.
      byte[] big = new byte[200_000];
      Arrays.fill(big, (byte) 'z');
      s3.putObject(
          r -> r.bucket("sums").key("big").checksumAlgorithm(ChecksumAlgorithm.CRC32),
          RequestBody.fromBytes(big));
      assertThat(s3.getObjectAsBytes(r -> r.bucket("sums").key("big")).asByteArray())
          .isEqualTo(big);
      s3.putObject(r -> r.bucket("sums").key("sha"), RequestBody.fromString("x"));
      s3.putObject(
          r -> r.bucket("sums").key("c").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
          RequestBody.fromString("checked"));
      assertThat(s3.getObjectAsBytes(r -> r.bucket("sums").key("c")).asUtf8String())
          .isEqualTo("checked");

      assertThat(s3.getBucketLocation(r -> r.bucket("sums")).locationConstraintAsString())
          .isEmpty();
      euWest.createBucket(r -> r.bucket("eu-data"));
      assertThat(s3.getBucketLocation(r -> r.bucket("eu-data")).locationConstraintAsString())
          .isEqualTo("eu-west-1");

      byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
      expect(
          () -> s3.putObject(r -> r.bucket("sums").key("huge"), RequestBody.fromBytes(tooBig)),
          "EntityTooLarge",
          400,
          "Your proposed upload exceeds the maximum allowed size");
    }
  }

  @Test
  void presignedGetWorksWithPlainHttp() throws Exception {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), Clients.root());
        S3Presigner presigner =
            S3Presigner.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .serviceConfiguration(
                    software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .build())
                .credentialsProvider(StaticCredentialsProvider.create(Clients.root()))
                .build()) {
      s3.createBucket(r -> r.bucket("shared"));
      s3.putObject(
          r -> r.bucket("shared").key("report 2024.csv"), RequestBody.fromString("a,b\n1,2\n"));
      PresignedGetObjectRequest presigned =
          presigner.presignGetObject(
              p ->
                  p.signatureDuration(Duration.ofMinutes(5))
                      .getObjectRequest(g -> g.bucket("shared").key("report 2024.csv")));
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(presigned.url().toURI()).GET().build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("a,b\n1,2\n");
      HttpResponse<String> tampered =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          java.net.URI.create(
                              presigned.url().toString().replace("report%202024.csv", "other.csv")))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(tampered.statusCode()).isEqualTo(403);
      assertThat(tampered.body()).contains("<Code>SignatureDoesNotMatch</Code>");
    }
  }

  static String md5Hex(String s) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("MD5")
                  .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
