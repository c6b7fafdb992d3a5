package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Buckets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Bucket-level operations: ListBuckets, Create/Delete/HeadBucket, GetBucketLocation and the bucket
 * policy.
 */
final class BucketOperations {
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private BucketOperations() {}

  static HttpResponseData listBuckets(S3Call call) {
    call.authorization()
        .require(
            call,
            "s3:ListAllMyBuckets",
            null,
            S3Authorization.bucketArn(call.account().partition(), "*"),
            Map.of());
    StringBuilder xml =
        new StringBuilder(S3Xml.DECLARATION)
            .append("<ListAllMyBucketsResult xmlns=\"")
            .append(S3Xml.NS)
            .append("\"><Owner><ID>")
            .append(CanonicalUser.of(call.account().accountId()))
            .append("</ID></Owner><Buckets>");
    for (Buckets.Bucket b : call.buckets().all()) {
      xml.append("<Bucket>");
      S3Xml.element(xml, "Name", b.name());
      S3Xml.element(xml, "CreationDate", S3Xml.iso(b.creationDate()));
      xml.append("</Bucket>");
    }
    return S3Xml.xml(
        200, xml.append("</Buckets></ListAllMyBucketsResult>").toString(), call.requestId());
  }

  static HttpResponseData createBucket(S3Call call) {
    String bucket = call.bucket();
    String constraint = locationConstraint(call.payload());
    call.authorization()
        .require(
            call,
            "s3:CreateBucket",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            constraint == null ? Map.of() : Map.of("s3:LocationConstraint", constraint));
    if (!BUCKET_NAME.matcher(bucket).matches()
        || bucket.contains("..")
        || IP_ADDRESS.matcher(bucket).matches()) {
      throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.")
          .with("BucketName", bucket);
    }
    String region = call.region();
    String bucketRegion;
    if (constraint == null) {
      if (!region.equals("us-east-1")) {
        throw new S3Error(
            400,
            "IllegalLocationConstraintException",
            "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.");
      }
      bucketRegion = "us-east-1";
    } else if (constraint.equals("us-east-1")) {
      throw new S3Error(
              400, "InvalidLocationConstraint", "The specified location-constraint is not valid")
          .with("LocationConstraint", constraint);
    } else if (!region.equals("us-east-1") && !constraint.equals(region)) {
      throw new S3Error(
          400,
          "IllegalLocationConstraintException",
          "The "
              + constraint
              + " location constraint is incompatible for the region specific endpoint this request was sent to.");
    } else {
      bucketRegion = constraint;
    }
    AccountState owner = call.account().directory().bucketOwner(bucket);
    if (owner != null && owner != call.account()) {
      throw new S3Error(
              409,
              "BucketAlreadyExists",
              "The requested bucket name is not available. The bucket namespace is shared by all "
                  + "users of the system. Please select a different name and try again.")
          .with("BucketName", bucket);
    }
    Buckets.Bucket existing = call.buckets().get(bucket);
    if (existing != null) {
      if (!region.equals("us-east-1") || !existing.region().equals("us-east-1")) {
        // us-east-1 answers 200 to an owner re-creating its bucket there (legacy behaviour);
        // elsewhere it refuses.
        throw new S3Error(
                409,
                "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own it.")
            .with("BucketName", bucket);
      }
    } else {
      call.buckets().create(new Buckets.Bucket(bucket, call.account().now(), bucketRegion));
    }
    return S3Xml.empty(200, call.requestId(), Map.of("Location", "/" + bucket));
  }

  /**
   * The {@code LocationConstraint} of a CreateBucketConfiguration body, or null when none is given.
   */
  private static String locationConstraint(byte[] body) {
    if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return null;
    }
    Document doc = S3Xml.parse(body);
    NodeList nodes = doc.getElementsByTagName("LocationConstraint");
    if (nodes.getLength() == 0) {
      return null;
    }
    String value = nodes.item(0).getTextContent().strip();
    return value.isEmpty() ? null : value;
  }

  static HttpResponseData deleteBucket(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:DeleteBucket",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    if (!call.objects().isEmpty()) {
      throw new S3Error(409, "BucketNotEmpty", "The bucket you tried to delete is not empty")
          .with("BucketName", bucket);
    }
    call.buckets().delete(bucket);
    return S3Xml.empty(204, call.requestId(), Map.of());
  }

  static HttpResponseData headBucket(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:ListBucket",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    Buckets.Bucket b = call.buckets().get(bucket);
    if (b == null) {
      throw S3Error.noSuchBucket(bucket);
    }
    return S3Xml.empty(200, call.requestId(), Map.of("x-amz-bucket-region", b.region()));
  }

  static HttpResponseData getBucketLocation(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:GetBucketLocation",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    Buckets.Bucket b = call.buckets().get(bucket);
    if (b == null) {
      throw S3Error.noSuchBucket(bucket);
    }
    String open = S3Xml.DECLARATION + "<LocationConstraint xmlns=\"" + S3Xml.NS + "\"";
    // us-east-1 buckets report an empty constraint (null in the SDKs), as S3 does.
    String body =
        b.region().equals("us-east-1")
            ? open + "/>"
            : open + ">" + S3Xml.escape(b.region()) + "</LocationConstraint>";
    return S3Xml.xml(200, body, call.requestId());
  }

  static HttpResponseData putBucketPolicy(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:PutBucketPolicy",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    existing(call);
    String document = new String(call.payload(), StandardCharsets.UTF_8);
    BucketPolicies.check(call.account(), bucket, document);
    call.buckets().putPolicy(bucket, document);
    return S3Xml.empty(204, call.requestId(), Map.of());
  }

  static HttpResponseData getBucketPolicy(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:GetBucketPolicy",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    existing(call);
    String document = call.buckets().policy(bucket);
    if (document == null) {
      throw new S3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist")
          .with("BucketName", bucket);
    }
    return new HttpResponseData(
        200,
        "application/json",
        document.getBytes(StandardCharsets.UTF_8),
        call.requestId(),
        S3Xml.headers(call.requestId()));
  }

  static HttpResponseData deleteBucketPolicy(S3Call call) {
    String bucket = call.bucket();
    call.authorization()
        .require(
            call,
            "s3:DeleteBucketPolicy",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            Map.of());
    existing(call);
    call.buckets().deletePolicy(bucket);
    return S3Xml.empty(204, call.requestId(), Map.of());
  }

  private static void existing(S3Call call) {
    if (call.buckets().get(call.bucket()) == null) {
      throw S3Error.noSuchBucket(call.bucket());
    }
  }
}
