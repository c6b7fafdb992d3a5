package io.iamlocal.server.s3;

import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.OperationRegistry;
import io.iamlocal.server.dispatch.OperationSpec;
import io.iamlocal.server.dispatch.OperationSpec.LockMode;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small in-memory S3 (REST-XML) so that scenarios can prove credentials and policies against a
 * data service: buckets (with location and bucket policy) and objects (Put, Get, Head, Delete,
 * DeleteObjects, Copy, ListObjects V1/V2). Requests signed for service {@code s3} come here;
 * path-style ({@code /bucket/key}) and virtual-hosted-style ({@code bucket.localhost}, {@code
 * bucket.s3.amazonaws.com}) addressing both work. SigV4 uses S3's canonical URI rules and {@code
 * x-amz-content-sha256} (signed hashes, {@code UNSIGNED-PAYLOAD}, presigned URLs, and aws-chunked
 * streaming uploads with verified chunk signatures, see {@link S3Payload}). Every request is
 * authorized by the policy engine with S3's actions, resources and condition keys, the bucket
 * policy as resource-based policy ({@link S3Authorization}); errors are S3's {@code <Error>}
 * documents. Multipart uploads, versioning, ACLs and tagging answer {@code NotImplemented}.
 */
public final class S3Dispatcher {
  private static final Logger LOG = Logger.getLogger(S3Dispatcher.class.getName());
  private final IamLocalState state;
  private final SignatureVerifier verifier;
  private final CallerResolver callers;
  private final S3Authorization authorization;
  private final RequestLog requestLog;
  private final int maxObjectSize;
  private final Trail trail;
  private final long maxTotalBytes;

  /** By name; made at the first S3 request, so a start links none of the handlers. */
  private volatile Map<String, S3Operation> operations;

  /**
   * An S3 operation's handler with its spec (S3 authorizes with its own actions: the spec gives the
   * lock) and its CloudTrail event category.
   */
  private record S3Operation(
      OperationSpec spec, TrailCategory category, Function<S3Call, HttpResponseData> handler) {}

  /**
   * CloudTrail's categories of S3 calls: object-level calls, bucket listings and HEAD are data
   * events.
   */
  private enum TrailCategory {
    MANAGEMENT,
    DATA
  }

  /**
   * A dispatcher refusing objects larger than {@code maxObjectSize} bytes, or beyond {@code
   * maxTotalBytes} in all, recording every authenticated call in {@code trail}.
   */
  public S3Dispatcher(
      IamLocalState state,
      SignatureVerifier verifier,
      CallerResolver callers,
      PolicyAuthorizer authorizer,
      RequestLog requestLog,
      int maxObjectSize,
      long maxTotalBytes,
      Trail trail) {
    this.trail = trail;
    this.maxTotalBytes = maxTotalBytes;
    this.state = state;
    this.verifier = verifier;
    this.callers = callers;
    this.authorization = new S3Authorization(authorizer);
    this.requestLog = requestLog;
    this.maxObjectSize = maxObjectSize;
    if (OperationRegistry.linkAtStart()) {
      operations();
    }
  }

  /** The served operations, made once by whichever request comes first. */
  private Map<String, S3Operation> operations() {
    Map<String, S3Operation> made = operations;
    if (made == null) {
      synchronized (this) {
        made = operations;
        if (made == null) {
          made = servedOperations();
          operations = made;
        }
      }
    }
    return made;
  }

  private Map<String, S3Operation> servedOperations() {
    Map<String, S3Operation> operations = new HashMap<>();
    register(
        operations,
        "ListBuckets",
        LockMode.READ,
        TrailCategory.MANAGEMENT,
        BucketOperations::listBuckets);
    register(
        operations,
        "CreateBucket",
        LockMode.WRITE,
        TrailCategory.MANAGEMENT,
        BucketOperations::createBucket);
    register(
        operations,
        "DeleteBucket",
        LockMode.WRITE,
        TrailCategory.MANAGEMENT,
        BucketOperations::deleteBucket);
    register(
        operations, "HeadBucket", LockMode.READ, TrailCategory.DATA, BucketOperations::headBucket);
    register(
        operations,
        "GetBucketLocation",
        LockMode.READ,
        TrailCategory.MANAGEMENT,
        BucketOperations::getBucketLocation);
    register(
        operations,
        "PutBucketPolicy",
        LockMode.WRITE,
        TrailCategory.MANAGEMENT,
        BucketOperations::putBucketPolicy);
    register(
        operations,
        "GetBucketPolicy",
        LockMode.READ,
        TrailCategory.MANAGEMENT,
        BucketOperations::getBucketPolicy);
    register(
        operations,
        "DeleteBucketPolicy",
        LockMode.WRITE,
        TrailCategory.MANAGEMENT,
        BucketOperations::deleteBucketPolicy);
    register(
        operations,
        "ListObjects",
        LockMode.READ,
        TrailCategory.DATA,
        call -> ObjectListing.list(call, false));
    register(
        operations,
        "ListObjectsV2",
        LockMode.READ,
        TrailCategory.DATA,
        call -> ObjectListing.list(call, true));
    register(
        operations,
        "PutObject",
        LockMode.WRITE,
        TrailCategory.DATA,
        call -> ObjectOperations.putObject(call, maxObjectSize, maxTotalBytes));
    register(
        operations,
        "GetObject",
        LockMode.READ,
        TrailCategory.DATA,
        call -> ObjectOperations.getObject(call, false));
    register(
        operations,
        "HeadObject",
        LockMode.READ,
        TrailCategory.DATA,
        call -> ObjectOperations.getObject(call, true));
    register(
        operations,
        "DeleteObject",
        LockMode.WRITE,
        TrailCategory.DATA,
        ObjectOperations::deleteObject);
    register(
        operations,
        "DeleteObjects",
        LockMode.WRITE,
        TrailCategory.DATA,
        ObjectOperations::deleteObjects);
    register(
        operations,
        "CopyObject",
        LockMode.WRITE,
        TrailCategory.DATA,
        call -> ObjectOperations.copyObject(call, maxObjectSize, maxTotalBytes));
    return operations;
  }

  private static void register(
      Map<String, S3Operation> operations,
      String operation,
      LockMode lock,
      TrailCategory category,
      Function<S3Call, HttpResponseData> handler) {
    operations.put(
        operation,
        new S3Operation(
            OperationSpec.authorizedByItsService("s3", operation, lock), category, handler));
  }

  /** The spec of an S3 operation, or null when it is not served. */
  OperationSpec spec(String operation) {
    S3Operation served = operations().get(operation);
    return served == null ? null : served.spec();
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
      AccountState account =
          owner != null && !route.operation().equals("CreateBucket") ? owner : callerAccount;
      bucketAccount = account;
      callerArn = caller.arn();
      region = verified.scope().region();
      if (route.operation().equals("NotImplemented")) {
        throw S3Error.notImplemented();
      }
      byte[] payload = S3Payload.read(request, verified);
      S3Call call =
          new S3Call(
              request,
              route,
              caller,
              account,
              verified.scope().region(),
              requestId,
              payload,
              request.header("authorization") == null,
              authorization,
              callerAccount);
      response = handle(call);
    } catch (S3Error e) {
      errorCode = e.code;
      errorMessage = e.getMessage();
      response = S3Xml.error(e, requestId, head);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "S3 request " + requestId + " failed", e);
      errorCode = "InternalError";
      response =
          S3Xml.error(
              new S3Error(
                  500, "InternalError", "We encountered an internal error. Please try again."),
              requestId,
              head);
    }
    requestLog.record(
        new RequestLogEntry(
            System.currentTimeMillis(),
            requestId,
            callerArn,
            "s3",
            route.operation(),
            response.status(),
            errorCode,
            System.nanoTime() - started,
            RequestLogEntry.accountLabel(callerAccount)));
    if (trail.enabled()) {
      var checks = CallChecks.end();
      if (caller != null) {
        trail.record(
            S3TrailEvents.of(
                request,
                route,
                callerAccount,
                caller,
                region,
                requestId,
                errorCode,
                errorMessage,
                readOnly(route.operation()),
                dataEvent(route.operation()),
                checks));
        if (bucketAccount != null
            && bucketAccount != callerAccount) { // logged in the bucket owner's account too
          trail.record(
              S3TrailEvents.of(
                  request,
                  route,
                  bucketAccount,
                  caller,
                  region,
                  requestId,
                  errorCode,
                  errorMessage,
                  readOnly(route.operation()),
                  dataEvent(route.operation()),
                  checks));
        }
      }
    }
    return response;
  }

  private HttpResponseData handle(S3Call call) {
    S3Operation operation = operations().get(call.route().operation());
    if (operation == null) {
      throw S3Error.notImplemented();
    }
    List<Lock> locks =
        Accounts.locks(call.account(), call.callerAccount(), operation.spec().lock().shared());
    locks.forEach(Lock::lock);
    try {
      return operation.handler().apply(call);
    } finally {
      for (int i = locks.size() - 1; i >= 0; i--) {
        locks.get(i).unlock();
      }
    }
  }

  /** Whether CloudTrail counts the operation as a data event. */
  boolean dataEvent(String operation) {
    S3Operation served = operations().get(operation);
    return served != null && served.category() == TrailCategory.DATA;
  }

  /** Whether the operation changes nothing (for the trail's {@code readOnly}). */
  private boolean readOnly(String operation) {
    OperationSpec spec = spec(operation);
    return spec != null && !spec.mayChangeState();
  }

  /** How S3 refuses signed requests. */
  private static final SignedRequests.Refusals REFUSALS =
      new SignedRequests.Refusals() {
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
          return new S3Error(
              403,
              "InvalidAccessKeyId",
              "The AWS Access Key Id you provided does not exist in our records.");
        }
      };
}
