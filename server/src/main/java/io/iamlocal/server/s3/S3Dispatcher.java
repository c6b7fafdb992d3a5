package io.iamlocal.server.s3;

import io.iamlocal.protocol.error.AwsErrorCode;
import io.iamlocal.protocol.error.AwsServiceException;
import io.iamlocal.server.auth.CallerResolver;
import io.iamlocal.server.authz.PolicyAuthorizer;
import io.iamlocal.server.authz.RequestContexts;
import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.dispatch.RequestIds;
import io.iamlocal.server.log.RequestLog;
import io.iamlocal.server.log.RequestLogEntry;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Buckets;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.state.IamLocalState;
import io.iamlocal.sigv4.SigV4Failure;
import io.iamlocal.sigv4.SignableRequest;
import io.iamlocal.sigv4.SignatureVerifier;
import io.iamlocal.sigv4.VerificationResult;
import io.iamlocal.sigv4.Verified;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberately tiny S3 (REST-XML): ListBuckets, CreateBucket, DeleteBucket and HeadBucket, so
 * that scenarios can prove temporary credentials and policies work against a data service. Requests
 * signed for service {@code s3} come here; path-style ({@code /bucket}) and virtual-hosted-style
 * ({@code bucket.localhost}, {@code bucket.s3.amazonaws.com}) addressing both work; SigV4 uses S3's
 * canonical URI rules and {@code x-amz-content-sha256} (including {@code UNSIGNED-PAYLOAD}).
 * Authorization uses the same policy engine with {@code s3:} actions; errors are S3's
 * {@code <Error>} documents. Objects and every other S3 API answer {@code NotImplemented}.
 */
public final class S3Dispatcher {
  private static final Logger LOG = Logger.getLogger(S3Dispatcher.class.getName());
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern LOCATION = Pattern.compile("<LocationConstraint>([^<]*)</LocationConstraint>");
  private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
  private final IamLocalState state;
  private final SignatureVerifier verifier;
  private final CallerResolver callers;
  private final PolicyAuthorizer authorizer;
  private final RequestLog requestLog;

  public S3Dispatcher(IamLocalState state, SignatureVerifier verifier, CallerResolver callers, PolicyAuthorizer authorizer,
      RequestLog requestLog) {
    this.state = state;
    this.verifier = verifier;
    this.callers = callers;
    this.authorizer = authorizer;
    this.requestLog = requestLog;
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
    Route route = Route.of(request);
    String callerArn = null;
    HttpResponseData response;
    String errorCode = null;
    try {
      Verified verified = authenticate(request);
      AccountState account = state.account();
      Caller caller = caller(verified, account);
      callerArn = caller.arn();
      response = handle(route, request, caller, account, verified.scope().region(), requestId);
    } catch (S3Error e) {
      errorCode = e.code;
      response = error(e, requestId, request.method().equals("HEAD"));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "S3 request " + requestId + " failed", e);
      errorCode = "InternalError";
      response = error(new S3Error(500, "InternalError", "We encountered an internal error. Please try again."), requestId, false);
    }
    requestLog.record(new RequestLogEntry(System.currentTimeMillis(), requestId, callerArn, "s3", route.operation(),
        response.status(), errorCode, System.nanoTime() - started));
    return response;
  }

  private HttpResponseData handle(Route route, HttpRequestData request, Caller caller, AccountState account, String region,
      String requestId) {
    String operation = route.operation();
    if (operation.equals("NotImplemented")) {
      throw new S3Error(501, "NotImplemented", "A header you provided implies functionality that is not implemented");
    }
    String bucket = route.bucket();
    String action = switch (operation) {
      case "ListBuckets" -> "s3:ListAllMyBuckets";
      case "HeadBucket" -> "s3:ListBucket";
      default -> "s3:" + operation;
    };
    // ListAllMyBuckets has no resource type; arn:aws:s3:::* is how policies (and AWS's own examples) grant it.
    String resource = bucket == null ? "arn:aws:s3:::*" : "arn:aws:s3:::" + bucket;
    boolean readOnly = operation.equals("ListBuckets") || operation.equals("HeadBucket");
    Lock lock = readOnly ? account.lock().readLock() : account.lock().writeLock();
    lock.lock();
    try {
      Map<String, List<String>> keys = RequestContexts.of(caller, account, account.now(), region, request.remoteAddress(),
          request.secure(), request.header("user-agent"));
      if (!authorizer.allows(caller, account, requestId, action, resource, keys)) {
        throw new S3Error(403, "AccessDenied", "Access Denied");
      }
      Buckets buckets = Buckets.of(account);
      return switch (operation) {
        case "ListBuckets" -> xml(200, listBuckets(buckets, account), requestId);
        case "CreateBucket" -> createBucket(buckets, bucket, request, region, account, requestId);
        case "DeleteBucket" -> {
          if (!buckets.delete(bucket)) {
            throw noSuchBucket(bucket);
          }
          yield new HttpResponseData(204, "application/xml", new byte[0], requestId);
        }
        case "HeadBucket" -> {
          if (buckets.get(bucket) == null) {
            throw noSuchBucket(bucket);
          }
          yield new HttpResponseData(200, "application/xml", new byte[0], requestId);
        }
        default -> throw new S3Error(501, "NotImplemented", "A header you provided implies functionality that is not implemented");
      };
    } finally {
      lock.unlock();
    }
  }

  private static HttpResponseData createBucket(Buckets buckets, String bucket, HttpRequestData request, String region,
      AccountState account, String requestId) {
    if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
      throw new S3Error(400, "InvalidBucketName", "The specified bucket is not valid.");
    }
    String body = new String(request.body(), StandardCharsets.UTF_8);
    Matcher location = LOCATION.matcher(body);
    String bucketRegion = location.find() && !location.group(1).isBlank() ? location.group(1).strip() : "us-east-1";
    if (!buckets.create(new Buckets.Bucket(bucket, account.now(), bucketRegion)) && !region.equals("us-east-1")) {
      // us-east-1 answers 200 to an owner re-creating its bucket (legacy behaviour); other regions refuse.
      throw new S3Error(409, "BucketAlreadyOwnedByYou",
          "Your previous request to create the named bucket succeeded and you already own it.");
    }
    return new HttpResponseData(200, "application/xml", new byte[0], requestId);
  }

  private static String listBuckets(Buckets buckets, AccountState account) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult xmlns=\"")
        .append(NS).append("\"><Owner><ID>").append(CanonicalUser.of(account.accountId())).append("</ID></Owner><Buckets>");
    for (Buckets.Bucket b : buckets.all()) {
      xml.append("<Bucket><Name>").append(escape(b.name())).append("</Name><CreationDate>")
          .append(b.creationDate().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).append("</CreationDate></Bucket>");
    }
    return xml.append("</Buckets></ListAllMyBucketsResult>").toString();
  }

  private Verified authenticate(HttpRequestData request) {
    VerificationResult result = verifier.verify(
        new SignableRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), request.body()));
    if (result instanceof SigV4Failure failure) {
      throw S3Error.of(failure);
    }
    Verified verified = (Verified) result;
    callers.recordUse(verified, state.account());
    return verified;
  }

  private Caller caller(Verified verified, AccountState account) {
    try {
      return callers.callerOf(verified.credential(), account);
    } catch (AwsServiceException e) {
      if (e.errorCode() == AwsErrorCode.EXPIRED_TOKEN) {
        throw new S3Error(400, "ExpiredToken", "The provided token has expired.");
      }
      throw new S3Error(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.");
    }
  }

  private static S3Error noSuchBucket(String bucket) {
    return new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
  }

  private static HttpResponseData xml(int status, String body, String requestId) {
    return new HttpResponseData(status, "application/xml", body.getBytes(StandardCharsets.UTF_8), requestId);
  }

  private static HttpResponseData error(S3Error e, String requestId, boolean head) {
    if (head) {
      return new HttpResponseData(e.status, "application/xml", new byte[0], requestId);
    }
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.code + "</Code><Message>" + escape(e.getMessage())
        + "</Message><RequestId>" + requestId + "</RequestId><HostId>" + requestId + "</HostId></Error>";
    return xml(e.status, body, requestId);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Which bucket and operation a request addresses. Virtual-hosted style takes the bucket from the
   * Host ({@code bucket.localhost}, {@code bucket.s3[.region].amazonaws.com}); path style from the
   * first path segment.
   */
  record Route(String bucket, String key, String operation) {
    static Route of(HttpRequestData request) {
      String host = request.header("host");
      host = host == null ? "" : host.toLowerCase(Locale.ROOT);
      int colon = host.lastIndexOf(':');
      if (colon > 0 && host.indexOf(']') < colon) {
        host = host.substring(0, colon);
      }
      String bucket = virtualHostBucket(host);
      String path = request.rawPath() == null ? "/" : request.rawPath();
      String rest = path.startsWith("/") ? path.substring(1) : path;
      String key;
      if (bucket == null) {
        int slash = rest.indexOf('/');
        bucket = rest.isEmpty() ? null : slash < 0 ? rest : rest.substring(0, slash);
        key = slash < 0 ? "" : rest.substring(slash + 1);
      } else {
        key = rest;
      }
      boolean subresource = hasSubresource(request.rawQuery());
      String method = request.method();
      String operation;
      if (bucket == null) {
        operation = method.equals("GET") ? "ListBuckets" : "NotImplemented";
      } else if (!key.isEmpty() || subresource) {
        operation = "NotImplemented";
      } else {
        operation = switch (method) {
          case "PUT" -> "CreateBucket";
          case "DELETE" -> "DeleteBucket";
          case "HEAD" -> "HeadBucket";
          default -> "NotImplemented";
        };
      }
      return new Route(bucket, key, operation);
    }

    /**
     * Whether the query names an S3 subresource or list parameter ({@code ?location}, {@code ?list-type=2}…);
     * the SDKs' {@code x-id} marker and query-string auth parameters are not ones.
     */
    static boolean hasSubresource(String rawQuery) {
      if (rawQuery == null || rawQuery.isEmpty()) {
        return false;
      }
      for (String pair : rawQuery.split("&")) {
        String name = pair.split("=", 2)[0];
        if (!name.isEmpty() && !name.equals("x-id") && !name.startsWith("X-Amz-") && !name.startsWith("x-amz-")) {
          return true;
        }
      }
      return false;
    }

    static String virtualHostBucket(String host) {
      if (host.endsWith(".localhost") && host.length() > ".localhost".length()) {
        String prefix = host.substring(0, host.length() - ".localhost".length());
        int s3 = prefix.indexOf(".s3");
        return s3 > 0 ? prefix.substring(0, s3) : prefix.equals("s3") ? null : prefix;
      }
      int s3 = host.indexOf(".s3.");
      if (s3 < 0) {
        s3 = host.indexOf(".s3-");
      }
      return s3 > 0 ? host.substring(0, s3) : null;
    }
  }

  /** An S3 error: HTTP status, S3 code and message. */
  static final class S3Error extends RuntimeException {
    final int status;
    final String code;

    S3Error(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }

    /** SigV4 failures with S3's codes and texts (S3 words them differently from IAM and STS). */
    static S3Error of(SigV4Failure failure) {
      return switch (failure.kind()) {
        case MISSING_AUTHENTICATION_TOKEN -> new S3Error(403, "AccessDenied", "Access Denied");
        case INCOMPLETE_SIGNATURE -> new S3Error(400, "AuthorizationHeaderMalformed", failure.message());
        case INVALID_CLIENT_TOKEN_ID -> new S3Error(403, "InvalidAccessKeyId",
            "The AWS Access Key Id you provided does not exist in our records.");
        case INVALID_SECURITY_TOKEN -> new S3Error(400, "InvalidToken", "The provided token is malformed or otherwise invalid.");
        case SIGNATURE_DOES_NOT_MATCH -> new S3Error(403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
        case SIGNATURE_EXPIRED -> new S3Error(403, "RequestTimeTooSkewed",
            "The difference between the request time and the current time is too large.");
        case REQUEST_EXPIRED -> new S3Error(403, "AccessDenied", "Request has expired");
        case EXPIRED_TOKEN -> new S3Error(400, "ExpiredToken", "The provided token has expired.");
      };
    }
  }
}
