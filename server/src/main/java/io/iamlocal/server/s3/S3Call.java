package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Buckets;
import io.iamlocal.server.state.Caller;

/**
 * One authenticated S3 request on its way through the operations.
 *
 * @param payload the request body, aws-chunked encoding already removed and verified
 * @param account the account owning the bucket addressed (the caller's when it addresses none or a
 *     new one)
 * @param presigned whether it was signed in the query string (presigned URL)
 * @param callerAccount the account of the credentials that signed
 */
record S3Call(
    HttpRequestData request,
    S3Route route,
    Caller caller,
    AccountState account,
    String region,
    String requestId,
    byte[] payload,
    boolean presigned,
    S3Authorization authorization,
    AccountState callerAccount) {

  /**
   * Whether the bucket belongs to another account than the caller's (its policy must grant the
   * caller, and the caller's policies too).
   */
  boolean crossAccount() {
    return account != callerAccount;
  }

  String bucket() {
    return route.bucket();
  }

  String key() {
    return route.key();
  }

  String param(String name) {
    return route.query().get(name);
  }

  String header(String lowerCaseName) {
    return request.header(lowerCaseName);
  }

  Buckets buckets() {
    return Buckets.of(account);
  }

  /** The bucket's objects; NoSuchBucket when it does not exist. */
  java.util.NavigableMap<String, Buckets.S3Object> objects() {
    java.util.NavigableMap<String, Buckets.S3Object> objects = buckets().objects(bucket());
    if (objects == null) {
      throw S3Error.noSuchBucket(bucket());
    }
    return objects;
  }
}
