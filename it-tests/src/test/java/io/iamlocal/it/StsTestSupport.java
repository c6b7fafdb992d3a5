package io.iamlocal.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Clients, documents and assertions for the STS, enforcement and S3 wire tests. */
final class StsTestSupport {
  static final String ACCOUNT = "123456789012";

  private StsTestSupport() {}

  static String userArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":user/" + name;
  }

  static String roleArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
  }

  /** A policy with one Allow statement. */
  static String policy(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
        + action
        + "\",\"Resource\":\""
        + resource
        + "\"}]}";
  }

  /** A policy allowing everything but denying {@code action}. */
  static String allowAllDeny(String action) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\""
        + action
        + "\",\"Resource\":\"*\"}]}";
  }

  /** A trust policy letting an AWS principal (ARN or account) perform {@code actions}. */
  static String trust(String principal, String... actions) {
    StringBuilder list = new StringBuilder();
    for (String a : actions.length == 0 ? new String[] {"sts:AssumeRole"} : actions) {
      list.append(list.length() == 0 ? "" : ",").append('"').append(a).append('"');
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + principal
        + "\"},\"Action\":["
        + list
        + "]}]}";
  }

  static AwsSessionCredentials session(Credentials c) {
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  /** An S3 client using path-style addressing against IAMLocal. */
  static S3Client s3(URI endpoint, AwsCredentials credentials) {
    return s3(endpoint, credentials, Region.US_EAST_1);
  }

  /** As {@link #s3(URI, AwsCredentials)}, signing for {@code region}. */
  static S3Client s3(URI endpoint, AwsCredentials credentials, Region region) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .region(region)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  /**
   * An STS client without credentials: its federation calls go out unsigned, as the SDK sends them.
   */
  static StsClient anonymousSts(URI endpoint) {
    return StsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  /** Runs {@code call}, which must fail with exactly this code, HTTP status and message. */
  static AwsServiceException expect(
      ThrowingCallable call, String code, int status, String message) {
    AwsServiceException e = catchThrowableOfType(call, AwsServiceException.class);
    assertThat(e).as("expected %s to be thrown", code).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(status);
    if (message != null) {
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
    return e;
  }

  static String notAuthorized(String principalArn, String action, String resource) {
    return "User: "
        + principalArn
        + " is not authorized to perform: "
        + action
        + " on resource: "
        + resource;
  }
}
