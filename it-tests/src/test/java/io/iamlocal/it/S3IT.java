package io.iamlocal.it;

import static io.iamlocal.it.StsTestSupport.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The minimal S3 surface: bucket create, head, list, delete, with S3's errors and IAM
 * authorization.
 */
class S3IT extends WireTest {

  @Test
  void bucketsAreCreatedListedAndDeleted() {
    try (S3Client s3 = StsTestSupport.s3(endpoint(), Clients.root())) {
      s3.createBucket(r -> r.bucket("beta-bucket"));
      s3.createBucket(r -> r.bucket("alpha-bucket"));
      assertThat(s3.listBuckets().buckets())
          .extracting(Bucket::name)
          .containsExactly("alpha-bucket", "beta-bucket");
      assertThat(s3.listBuckets().buckets().get(0).creationDate()).isNotNull();
      assertThat(s3.headBucket(r -> r.bucket("alpha-bucket")).sdkHttpResponse().statusCode())
          .isEqualTo(200);
      s3.deleteBucket(r -> r.bucket("alpha-bucket"));
      assertThat(
              catchThrowableOfType(
                  () -> s3.headBucket(r -> r.bucket("alpha-bucket")), NoSuchBucketException.class))
          .isNotNull();
      expect(
          () -> s3.deleteBucket(r -> r.bucket("alpha-bucket")),
          "NoSuchBucket",
          404,
          "The specified bucket does not exist");
      S3Exception acl =
          catchThrowableOfType(
              () -> s3.getBucketAcl(r -> r.bucket("beta-bucket")), S3Exception.class);
      assertThat(acl.statusCode()).isEqualTo(501);
    }
  }

  @Test
  void s3IsAuthorizedWithS3Actions() {
    AccessKey alice = userWithKey("alice");
    try (S3Client asAlice = StsTestSupport.s3(endpoint(), credentialsOf(alice))) {
      expect(asAlice::listBuckets, "AccessDenied", 403, "Access Denied");
      iam.putUserPolicy(
          r ->
              r.userName("alice")
                  .policyName("one-bucket")
                  .policyDocument(
                      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:CreateBucket\","
                          + "\"Resource\":\"arn:aws:s3:::team-*\"},{\"Effect\":\"Allow\",\"Action\":\"s3:ListAllMyBuckets\",\"Resource\":\"arn:aws:s3:::*\"}]}"));
      asAlice.createBucket(r -> r.bucket("team-data"));
      expect(
          () -> asAlice.createBucket(r -> r.bucket("other-data")),
          "AccessDenied",
          403,
          "Access Denied");
      assertThat(asAlice.listBuckets().buckets())
          .extracting(Bucket::name)
          .containsExactly("team-data");
      expect(
          () -> asAlice.deleteBucket(r -> r.bucket("team-data")),
          "AccessDenied",
          403,
          "Access Denied");
    }
  }

  @Test
  void badCredentialsGetS3sErrors() {
    try (S3Client wrongSecret =
            StsTestSupport.s3(endpoint(), AwsBasicCredentials.create("test", "wrong"));
        S3Client unknownKey =
            StsTestSupport.s3(
                endpoint(), AwsBasicCredentials.create("AKIAUNKNOWNUNKNOWN00", "secret"))) {
      expect(
          wrongSecret::listBuckets,
          "SignatureDoesNotMatch",
          403,
          "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
      expect(
          unknownKey::listBuckets,
          "InvalidAccessKeyId",
          403,
          "The AWS Access Key Id you provided does not exist in our records.");
    }
  }
}
