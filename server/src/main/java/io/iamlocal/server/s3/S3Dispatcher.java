package io.iamlocal.server.s3;

import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.dispatch.SignedRequests;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.log.RequestLogEntry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Accounts;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.server.trail.CallChecks;
import io.iamlocal.server.trail.Trail;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.Verified;
import java.util.Set;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small in-memory S3 (REST-XML) so that scenarios can prove credentials and policies against a
 * data service: buckets (with location and bucket policy) and objects (Put, Get, Head, Delete,
 * DeleteObjects, Copy, ListObjects V1/V2). Requests signed for service {@code s3} come here;
 * path-style ({@code /bucket/key}) and virtual-hosted-style ({@code bucket.localhost},
 * {@code bucket.s3.amazonaws.com}) addressing both work. SigV4 uses S3's canonical URI rules and
 * {@code x-amz-content-sha256} (signed hashes, {@code UNSIGNED-PAYLOAD}, presigned URLs, and
 * aws-chunked streaming uploads with verified chunk signatures, see {@link S3Payload}). Every request
 * is authorized by the policy engine with S3's actions, resources and condition keys, the bucket
 * policy as resource-based policy ({@link S3Authorization}); errors are S3's {@code <Error>}
 * documents. Multipart uploads, versioning, ACLs and tagging answer {@code NotImplemented}.
 */
public final class S3Dispatcher {
  private static final Logger LOG = Logger.getLogger(S3Dispatcher.class.getName());
  private static final Set<String> READ_ONLY = Set.of("ListBuckets", "HeadBucket", "GetBucketLocation", "GetBucketPolicy",
      "ListObjects", "ListObjectsV2", "GetObject", "HeadObject");
  private final IamLocalState state;
  private final SignatureVerifier verifier;
  private final CallerResolver callers;
  private final S3Authorization authorization;
  private final RequestLog requestLog;
  private final int maxObjectSize;
  private final Trail trail;
  private final long maxTotalBytes;

  /**
   * A dispatcher refusing objects larger than {@code maxObjectSize} bytes, or beyond {@code maxTotalBytes}
   * in all, recording every authenticated call in {@code trail}.
   */
  public S3Dispatcher(IamLocalState state, SignatureVerifier verifier, CallerResolver callers, PolicyAuthorizer authorizer,
      RequestLog requestLog, int maxObjectSize, long maxTotalBytes, Trail trail) {
    this.trail = trail;
    this.maxTotalBytes = maxTotalBytes;
    this.state = state;
    this.verifier = verifier;
    this.callers = callers;
    this.authorization = new S3Authorization(authorizer);
    this.requestLog = requestLog;
    this.maxObjectSize = maxObjectSize;
  }

  /** Whether a request is signed for S3 (its credential scope names service {@code s3}). */
  public static boolean isS3(HttpRequestData request) {
    String auth = request.header("authorization");
    if (auth != null) {
      int at = auth.indexOf("Credential=");
      if (at < 0) {
        return false;
      }
      int end = auth.indexOf(',', at);
      String[] scope = auth.substring(at + "Credential=".length(), end < 0 ? auth.length() : end).trim().split("/");
      return scope.length >= 5 && scope[3].equals("s3");
    }
    String query = request.rawQuery();
    return query != null && query.contains("X-Amz-Credential=") && (query.contains("%2Fs3%2Faws4_request") || query.contains("/s3/aws4_request"));
  }

  public HttpResponseData dispatch(HttpRequestData request) {
    long started = System.nanoTime();
    String requestId = RequestIds.next();
    S3Route route = S3Route.of(request);
    String callerArn = null;
    HttpResponseData response;
    String errorCode = null;
    String errorMessage = null;
    boolean head = request.method().equals("HEAD");
    Caller caller = null;
    AccountState callerAccount = null;
    AccountState bucketAccount = null;
    String region = null;
    if (trail.enabled()) {
      CallChecks.begin();
    }
    try {
      Verified verified = SignedRequests.verified(verifier, callers, state, request, REFUSALS);
      callerAccount = SignedRequests.account(state, verified, REFUSALS);
      caller = SignedRequests.caller(callers, verified, callerAccount, REFUSALS);
      AccountState owner = state.accounts().bucketOwner(route.bucket());
      // A bucket's requests act in its owner's account; creating one always in the caller's.
      AccountState account = owner != null && !route.operation().equals("CreateBucket") ? owner : callerAccount;
      bucketAccount = account;
      callerArn = caller.arn();
      region = verified.scope().region();
      if (route.operation().equals("NotImplemented")) {
        throw S3Error.notImplemented();
      }
      byte[] payload = S3Payload.read(request, verified);
      S3Call call = new S3Call(request, route, caller, account, verified.scope().region(), requestId, payload,
          request.header("authorization") == null, authorization, callerAccount);
      response = handle(call);
    } catch (S3Error e) {
      errorCode = e.code;
      errorMessage = e.getMessage();
      response = S3Xml.error(e, requestId, head);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "S3 request " + requestId + " failed", e);
      errorCode = "InternalError";
      response = S3Xml.error(new S3Error(500, "InternalError", "We encountered an internal error. Please try again."), requestId, head);
    }
    requestLog.record(new RequestLogEntry(System.currentTimeMillis(), requestId, callerArn, "s3", route.operation(),
        response.status(), errorCode, System.nanoTime() - started, RequestLogEntry.accountLabel(callerAccount)));
    if (trail.enabled()) {
      var checks = CallChecks.end();
      if (caller != null) {
        trail.record(S3TrailEvents.of(request, route, callerAccount, caller, region, requestId, errorCode, errorMessage,
            READ_ONLY.contains(route.operation()), checks));
        if (bucketAccount != null && bucketAccount != callerAccount) { // logged in the bucket owner's account too
          trail.record(S3TrailEvents.of(request, route, bucketAccount, caller, region, requestId, errorCode, errorMessage,
              READ_ONLY.contains(route.operation()), checks));
        }
      }
    }
    return response;
  }

  private HttpResponseData handle(S3Call call) {
    String operation = call.route().operation();
    List<Lock> locks = Accounts.locks(call.account(), call.callerAccount(), READ_ONLY.contains(operation));
    locks.forEach(Lock::lock);
    try {
      return switch (operation) {
        case "ListBuckets" -> BucketOperations.listBuckets(call);
        case "CreateBucket" -> BucketOperations.createBucket(call);
        case "DeleteBucket" -> BucketOperations.deleteBucket(call);
        case "HeadBucket" -> BucketOperations.headBucket(call);
        case "GetBucketLocation" -> BucketOperations.getBucketLocation(call);
        case "PutBucketPolicy" -> BucketOperations.putBucketPolicy(call);
        case "GetBucketPolicy" -> BucketOperations.getBucketPolicy(call);
        case "DeleteBucketPolicy" -> BucketOperations.deleteBucketPolicy(call);
        case "ListObjects" -> ObjectListing.list(call, false);
        case "ListObjectsV2" -> ObjectListing.list(call, true);
        case "PutObject" -> ObjectOperations.putObject(call, maxObjectSize, maxTotalBytes);
        case "GetObject" -> ObjectOperations.getObject(call, false);
        case "HeadObject" -> ObjectOperations.getObject(call, true);
        case "DeleteObject" -> ObjectOperations.deleteObject(call);
        case "DeleteObjects" -> ObjectOperations.deleteObjects(call);
        case "CopyObject" -> ObjectOperations.copyObject(call, maxObjectSize, maxTotalBytes);
        default -> throw S3Error.notImplemented();
      };
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
  }

  /** How S3 refuses signed requests. */
  private static final SignedRequests.Refusals REFUSALS = new SignedRequests.Refusals() {
    @Override
    public RuntimeException badSignature(SigV4Failure failure) {
      return S3Error.of(failure);
    }

    @Override
    public RuntimeException expiredToken() {
      return new S3Error(400, "ExpiredToken", "The provided token has expired.");
    }

    @Override
    public RuntimeException unknownToken() {
      return new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    }
  };
}
