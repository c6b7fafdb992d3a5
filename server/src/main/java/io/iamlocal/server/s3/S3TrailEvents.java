package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpRequestData;
import io.iamlocal.server.state.AccountState;
import io.iamlocal.server.state.Caller;
import io.iamlocal.server.trail.AuthorizationCheck;
import io.iamlocal.server.trail.TrailEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trail event of one S3 call, in CloudTrail's S3 form: request parameters {@code bucketName},
 * {@code Host}, {@code key} and the query string's parameters; the bucket and object touched as
 * resources; whether it is a data event or a management event comes with the call (its S3Dispatcher
 * registration).
 */
final class S3TrailEvents {
  private S3TrailEvents() {}

  static TrailEvent of(
      HttpRequestData request,
      S3Route route,
      AccountState account,
      Caller caller,
      String region,
      String requestId,
      String errorCode,
      String errorMessage,
      boolean readOnly,
      boolean dataEvent,
      List<AuthorizationCheck> checks) {
    String key = route.key() == null || route.key().isEmpty() ? null : route.key();
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (route.bucket() != null) {
      parameters.put("bucketName", route.bucket());
    }
    parameters.put("Host", request.header("host"));
    if (key != null) {
      parameters.put("key", key);
    }
    route.query().forEach(parameters::putIfAbsent);
    List<String[]> resources = new ArrayList<>(2);
    if (key != null) {
      resources.add(
          new String[] {
            "AWS::S3::Object", S3Authorization.objectArn(account.partition(), route.bucket(), key)
          });
    }
    if (route.bucket() != null) {
      resources.add(
          new String[] {
            "AWS::S3::Bucket", S3Authorization.bucketArn(account.partition(), route.bucket())
          });
    }
    return new TrailEvent(
        System.currentTimeMillis(),
        account,
        "s3",
        route.operation(),
        region,
        caller,
        new TrailEvent.Request(
            requestId,
            request.remoteAddress(),
            request.header("user-agent"),
            request.header("host"),
            request.secure()),
        TrailEvent.Payload.s3(parameters, resources, dataEvent),
        errorCode,
        errorMessage,
        readOnly,
        checks);
  }
}
