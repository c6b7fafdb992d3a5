package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpRequestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which bucket, key and operation a request addresses. Virtual-hosted style takes the bucket from
 * the Host ({@code bucket.localhost}, {@code bucket.s3[.region].amazonaws.com}); path style from
 * the first path segment. The operation follows from the method, whether a key is present, the
 * subresource in the query ({@code ?policy}, {@code ?location}, {@code ?list-type=2}, {@code
 * ?delete}) and {@code x-amz-copy-source}.
 *
 * @param key the object key, percent-decoded ("" for bucket-level requests)
 * @param query the query parameters, decoded (SigV4 query-auth parameters included)
 */
record S3Route(String bucket, String key, String operation, Map<String, String> query) {
  private static final Set<String> LIST_PARAMS =
      Set.of(
          "prefix",
          "delimiter",
          "marker",
          "max-keys",
          "encoding-type",
          "list-type",
          "continuation-token",
          "start-after",
          "fetch-owner");

  static S3Route of(HttpRequestData request) {
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
      bucket = rest.isEmpty() ? null : percentDecode(slash < 0 ? rest : rest.substring(0, slash));
      key = slash < 0 ? "" : rest.substring(slash + 1);
    } else {
      key = rest;
    }
    key = percentDecode(key);
    Map<String, String> query = query(request.rawQuery());
    Set<String> sub = subresources(query);
    String method = request.method();
    String operation;
    if (bucket == null) {
      operation = method.equals("GET") && sub.isEmpty() ? "ListBuckets" : "NotImplemented";
    } else if (key.isEmpty()) {
      operation = bucketOperation(method, sub, query, request.header("x-amz-copy-source") != null);
    } else {
      operation = objectOperation(method, sub, request.header("x-amz-copy-source") != null);
    }
    return new S3Route(bucket, key, operation, query);
  }

  private static String bucketOperation(
      String method, Set<String> sub, Map<String, String> query, boolean copy) {
    if (copy) {
      return "NotImplemented";
    }
    boolean listing = LIST_PARAMS.containsAll(sub);
    return switch (method) {
      case "GET" ->
          sub.equals(Set.of("policy"))
              ? "GetBucketPolicy"
              : sub.equals(Set.of("location"))
                  ? "GetBucketLocation"
                  : listing && "2".equals(query.get("list-type"))
                      ? "ListObjectsV2"
                      : listing && !sub.contains("list-type") ? "ListObjects" : "NotImplemented";
      case "PUT" ->
          sub.isEmpty()
              ? "CreateBucket"
              : sub.equals(Set.of("policy")) ? "PutBucketPolicy" : "NotImplemented";
      case "DELETE" ->
          sub.isEmpty()
              ? "DeleteBucket"
              : sub.equals(Set.of("policy")) ? "DeleteBucketPolicy" : "NotImplemented";
      case "HEAD" -> sub.isEmpty() ? "HeadBucket" : "NotImplemented";
      case "POST" -> sub.equals(Set.of("delete")) ? "DeleteObjects" : "NotImplemented";
      default -> "NotImplemented";
    };
  }

  private static String objectOperation(String method, Set<String> sub, boolean copy) {
    boolean plain = sub.stream().allMatch(n -> n.startsWith("response-") || n.equals("versionId"));
    if (!plain) {
      return "NotImplemented"; // multipart uploads, tagging, ACLs…
    }
    return switch (method) {
      case "GET" -> "GetObject";
      case "HEAD" -> "HeadObject";
      case "PUT" -> copy ? "CopyObject" : "PutObject";
      case "DELETE" -> "DeleteObject";
      default -> "NotImplemented";
    };
  }

  /**
   * The query names that select an S3 subresource or parameter ({@code location}, {@code
   * list-type}…); the SDKs' {@code x-id} marker and query-string auth parameters are not ones.
   */
  static Set<String> subresources(Map<String, String> query) {
    Set<String> out = new java.util.TreeSet<>();
    for (String name : query.keySet()) {
      if (!name.isEmpty()
          && !name.equals("x-id")
          && !name.startsWith("X-Amz-")
          && !name.startsWith("x-amz-")) {
        out.add(name);
      }
    }
    return out;
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
      out.putIfAbsent(name, value);
    }
    return out;
  }

  private static String formDecode(String s) {
    return percentDecode(s.replace('+', ' '));
  }

  /**
   * Percent-decodes as UTF-8; {@code +} stays a plus (paths), malformed escapes stay as written.
   */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%'
          && i + 2 < bytes.length
          && hex(bytes[i + 1]) >= 0
          && hex(bytes[i + 2]) >= 0) {
        out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte b) {
    return Character.digit((char) b, 16);
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
