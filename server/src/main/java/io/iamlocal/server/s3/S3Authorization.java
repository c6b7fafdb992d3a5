package io.iamlocal.server.s3;

import io.iamlocal.policy.evaluation.CompiledPolicy;
import io.iamlocal.policy.evaluation.PolicySourceType;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.authz.PolicyCache;
import io.iamlocal.server.authz.RequestContexts;
import io.iamlocal.server.state.Arns;
import io.iamlocal.server.state.Buckets;
import io.iamlocal.server.state.Partition;
import java.util.List;
import java.util.Map;

/**
 * Authorizes S3 requests as S3 does: S3's action names ({@code s3:GetObject}, {@code
 * s3:ListBucket}…), resources {@code arn:PARTITION:s3:::bucket} and {@code
 * arn:PARTITION:s3:::bucket/key}, the global condition keys plus S3's ({@code s3:prefix}, {@code
 * s3:delimiter}, {@code s3:max-keys}, {@code s3:x-amz-acl}, {@code s3:authType}, {@code
 * s3:signatureversion}…), and the bucket policy as resource-based policy next to the caller's
 * identity policies, boundary and session policies.
 */
final class S3Authorization {
  private final PolicyAuthorizer authorizer;

  S3Authorization(PolicyAuthorizer authorizer) {
    this.authorizer = authorizer;
  }

  static String bucketArn(Partition partition, String bucket) {
    return Arns.of(partition, "s3", "", "", bucket);
  }

  static String objectArn(Partition partition, String bucket, String key) {
    return bucketArn(partition, bucket) + "/" + key;
  }

  /**
   * Refuses with AccessDenied unless {@code action} on {@code resource} of {@code bucket} is
   * allowed.
   */
  void require(
      S3Call call, String action, String bucket, String resource, Map<String, String> s3Keys) {
    if (!allowed(call, action, bucket, resource, s3Keys)) {
      throw S3Error.accessDenied();
    }
  }

  boolean allowed(
      S3Call call, String action, String bucket, String resource, Map<String, String> s3Keys) {
    Map<String, List<String>> keys =
        RequestContexts.of(
            call.caller(),
            call.account(),
            call.account().now(),
            call.region(),
            call.request().remoteAddress(),
            call.request().secure(),
            call.header("user-agent"));
    RequestContexts.put(
        keys, "s3:authType", call.presigned() ? "REST-QUERY-STRING" : "REST-HEADER");
    RequestContexts.put(keys, "s3:signatureversion", "AWS4-HMAC-SHA256");
    RequestContexts.put(keys, "s3:x-amz-content-sha256", call.header("x-amz-content-sha256"));
    RequestContexts.put(keys, "s3:ResourceAccount", call.account().accountId());
    s3Keys.forEach((k, v) -> RequestContexts.put(keys, k, v));
    return authorizer.allows(
        call.caller(),
        call.callerAccount(),
        call.requestId(),
        action,
        resource,
        keys,
        bucketPolicy(call, bucket),
        call.account().accountId());
  }

  /**
   * The bucket's policy, compiled, as the resource-based policy of requests on the bucket and its
   * objects.
   */
  static List<CompiledPolicy> bucketPolicy(S3Call call, String bucket) {
    if (bucket == null) {
      return List.of();
    }
    String document = Buckets.of(call.account()).policy(bucket);
    CompiledPolicy policy =
        PolicyCache.shared()
            .get(
                document, bucketArn(call.account().partition(), bucket), PolicySourceType.RESOURCE);
    return policy == null ? List.of() : List.of(policy);
  }
}
