package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.state.Buckets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Object operations: Put, Get, Head, Delete, DeleteObjects (multi-object delete) and CopyObject.
 */
final class ObjectOperations {
  /** Representation headers stored with an object and returned by Get/HeadObject. */
  private static final List<String> STORED_HEADERS =
      List.of(
          "cache-control",
          "content-disposition",
          "content-encoding",
          "content-language",
          "expires");

  private static final int MAX_KEY_BYTES = 1024;
  private static final int MAX_DELETE_KEYS = 1000;

  private ObjectOperations() {}

  static HttpResponseData putObject(S3Call call, int maxObjectSize, long maxTotalBytes) {
    String bucket = call.bucket();
    String key = checkKey(call.key());
    Map<String, String> keys = new LinkedHashMap<>();
    putHeaderKeys(call, keys);
    call.authorization()
        .require(
            call,
            "s3:PutObject",
            bucket,
            S3Authorization.objectArn(call.account().partition(), bucket, key),
            keys);
    NavigableMap<String, Buckets.S3Object> objects = call.objects();
    byte[] data = call.payload();
    checkSize(data.length, maxObjectSize);
    Buckets.S3Object object =
        new Buckets.S3Object(
            key,
            data,
            S3Payload.etag(data),
            contentType(call),
            call.account().now(),
            userMetadata(call),
            storedHeaders(call));
    store(call, objects, object, maxTotalBytes);
    return S3Xml.empty(200, call.requestId(), Map.of("ETag", object.etag()));
  }

  /** Objects live in memory, so all of them together are bounded (--s3-max-total-bytes). */
  private static void store(
      S3Call call,
      NavigableMap<String, Buckets.S3Object> objects,
      Buckets.S3Object object,
      long maxTotalBytes) {
    if (!call.buckets().store(objects, object, maxTotalBytes)) {
      throw S3Error.storageFull(maxTotalBytes);
    }
  }

  static HttpResponseData getObject(S3Call call, boolean head) {
    String bucket = call.bucket();
    String key = call.key();
    call.authorization()
        .require(
            call,
            "s3:GetObject",
            bucket,
            S3Authorization.objectArn(call.account().partition(), bucket, key),
            Map.of());
    Buckets.S3Object object = call.objects().get(key);
    if (object == null) {
      throw S3Error.noSuchKey(key);
    }
    Map<String, String> headers = S3Xml.headers(call.requestId());
    headers.put("ETag", object.etag());
    headers.put("Last-Modified", S3Xml.httpDate(object.lastModified()));
    headers.put("Accept-Ranges", "bytes");
    object.headers().forEach(headers::put);
    object.metadata().forEach((k, v) -> headers.put("x-amz-meta-" + k, v));
    HttpResponseData notModified = preconditions(call, object, headers);
    if (notModified != null) {
      return notModified;
    }
    call.route()
        .query()
        .forEach(
            (name, value) -> {
              if (name.startsWith("response-") && !head) {
                headers.put(name.substring("response-".length()), value);
              }
            });
    String contentType =
        headers.containsKey("content-type") ? headers.remove("content-type") : object.contentType();
    byte[] data = object.data();
    int status = 200;
    String range = call.header("range");
    if (range != null) {
      long[] span = range(range, data.length);
      if (span != null) {
        headers.put("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + data.length);
        data = Arrays.copyOfRange(data, (int) span[0], (int) span[1] + 1);
        status = 206;
      }
    }
    if (head) {
      headers.put("Content-Length", Integer.toString(data.length));
      return new HttpResponseData(status, contentType, new byte[0], call.requestId(), headers);
    }
    return new HttpResponseData(status, contentType, data, call.requestId(), headers);
  }

  /** If-Match / If-None-Match / If-(Un)Modified-Since: a 304 or 412 response, or null to go on. */
  private static HttpResponseData preconditions(
      S3Call call, Buckets.S3Object object, Map<String, String> headers) {
    String ifMatch = call.header("if-match");
    if (ifMatch != null && !etagMatches(ifMatch, object.etag())) {
      throw new S3Error(
              412,
              "PreconditionFailed",
              "At least one of the pre-conditions you specified did not hold")
          .with("Condition", "If-Match");
    }
    String ifNoneMatch = call.header("if-none-match");
    if (ifNoneMatch != null && etagMatches(ifNoneMatch, object.etag())) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      return new HttpResponseData(304, "application/xml", new byte[0], call.requestId(), h);
    }
    return null;
  }

  private static boolean etagMatches(String condition, String etag) {
    for (String candidate : condition.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(etag) || ("\"" + c + "\"").equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n} as inclusive [first, last]; null to
   * ignore the header.
   */
  static long[] range(String header, long length) {
    String h = header.strip().toLowerCase(Locale.ROOT);
    if (!h.startsWith("bytes=") || h.contains(",")) {
      return null;
    }
    String spec = h.substring("bytes=".length());
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return null;
    }
    try {
      long first;
      long last;
      if (dash == 0) {
        long suffix = Long.parseLong(spec.substring(1));
        first = Math.max(0, length - suffix);
        last = length - 1;
      } else {
        first = Long.parseLong(spec.substring(0, dash));
        last =
            dash == spec.length() - 1
                ? length - 1
                : Math.min(length - 1, Long.parseLong(spec.substring(dash + 1)));
      }
      if (first >= length || first > last) {
        throw new S3Error(416, "InvalidRange", "The requested range is not satisfiable")
            .with("RangeRequested", header)
            .with("ActualObjectSize", Long.toString(length));
      }
      return new long[] {first, last};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static HttpResponseData deleteObject(S3Call call) {
    String bucket = call.bucket();
    String key = call.key();
    call.authorization()
        .require(
            call,
            "s3:DeleteObject",
            bucket,
            S3Authorization.objectArn(call.account().partition(), bucket, key),
            Map.of());
    call.buckets().remove(call.objects(), key);
    return S3Xml.empty(204, call.requestId(), Map.of());
  }

  static HttpResponseData deleteObjects(S3Call call) {
    String bucket = call.bucket();
    NavigableMap<String, Buckets.S3Object> objects = call.objects();
    Element root = S3Xml.parse(call.payload()).getDocumentElement();
    if (!root.getTagName().equals("Delete")) {
      throw S3Error.malformedXml();
    }
    boolean quiet = false;
    List<String> keys = new ArrayList<>();
    NodeList children = root.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (!(children.item(i) instanceof Element child)) {
        continue;
      }
      if (child.getTagName().equals("Quiet")) {
        quiet = child.getTextContent().strip().equalsIgnoreCase("true");
      } else if (child.getTagName().equals("Object")) {
        NodeList key = child.getElementsByTagName("Key");
        if (key.getLength() == 0) {
          throw S3Error.malformedXml();
        }
        keys.add(key.item(0).getTextContent());
      }
    }
    if (keys.isEmpty() || keys.size() > MAX_DELETE_KEYS) {
      throw S3Error.malformedXml();
    }
    StringBuilder xml =
        new StringBuilder(S3Xml.DECLARATION)
            .append("<DeleteResult xmlns=\"")
            .append(S3Xml.NS)
            .append("\">");
    for (String key : keys) {
      // Each key is authorized on its own; a refused one is reported in the result, the others go
      // on.
      if (!call.authorization()
          .allowed(
              call,
              "s3:DeleteObject",
              bucket,
              S3Authorization.objectArn(call.account().partition(), bucket, key),
              Map.of())) {
        xml.append("<Error>");
        S3Xml.element(xml, "Key", key);
        S3Xml.element(xml, "Code", "AccessDenied");
        S3Xml.element(xml, "Message", "Access Denied");
        xml.append("</Error>");
        continue;
      }
      call.buckets().remove(objects, key);
      if (!quiet) {
        xml.append("<Deleted>");
        S3Xml.element(xml, "Key", key);
        xml.append("</Deleted>");
      }
    }
    return S3Xml.xml(200, xml.append("</DeleteResult>").toString(), call.requestId());
  }

  static HttpResponseData copyObject(S3Call call, int maxObjectSize, long maxTotalBytes) {
    String bucket = call.bucket();
    String key = checkKey(call.key());
    String source = call.header("x-amz-copy-source");
    int q = source.indexOf('?');
    String path = S3Route.percentDecode(q < 0 ? source : source.substring(0, q));
    path = path.startsWith("/") ? path.substring(1) : path;
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw new S3Error(
              400,
              "InvalidArgument",
              "Copy Source must mention the source bucket and key: sourcebucket/sourcekey")
          .with("ArgumentName", "x-amz-copy-source")
          .with("ArgumentValue", source);
    }
    String sourceBucket = path.substring(0, slash);
    String sourceKey = path.substring(slash + 1);
    String directive =
        call.header("x-amz-metadata-directive") == null
            ? "COPY"
            : call.header("x-amz-metadata-directive").strip().toUpperCase(Locale.ROOT);
    call.authorization()
        .require(
            call,
            "s3:GetObject",
            sourceBucket,
            S3Authorization.objectArn(call.account().partition(), sourceBucket, sourceKey),
            Map.of());
    Map<String, String> keys = new LinkedHashMap<>();
    putHeaderKeys(call, keys);
    keys.put("s3:x-amz-copy-source", source);
    keys.put("s3:x-amz-metadata-directive", directive);
    call.authorization()
        .require(
            call,
            "s3:PutObject",
            bucket,
            S3Authorization.objectArn(call.account().partition(), bucket, key),
            keys);
    NavigableMap<String, Buckets.S3Object> sourceObjects = call.buckets().objects(sourceBucket);
    if (sourceObjects == null) {
      throw S3Error.noSuchBucket(sourceBucket);
    }
    NavigableMap<String, Buckets.S3Object> objects = call.objects();
    Buckets.S3Object original = sourceObjects.get(sourceKey);
    if (original == null) {
      throw S3Error.noSuchKey(sourceKey);
    }
    boolean replace = directive.equals("REPLACE");
    if (sourceBucket.equals(bucket) && sourceKey.equals(key) && !replace) {
      throw new S3Error(
          400,
          "InvalidRequest",
          "This copy request is illegal because it is trying to copy an object to itself "
              + "without changing the object's metadata, storage class, website redirect location or encryption attributes.");
    }
    checkSize(original.data().length, maxObjectSize);
    Buckets.S3Object copy =
        new Buckets.S3Object(
            key,
            original.data(),
            original.etag(),
            replace ? contentType(call) : original.contentType(),
            call.account().now(),
            replace ? userMetadata(call) : original.metadata(),
            replace ? storedHeaders(call) : original.headers());
    store(call, objects, copy, maxTotalBytes);
    StringBuilder xml =
        new StringBuilder(S3Xml.DECLARATION)
            .append("<CopyObjectResult xmlns=\"")
            .append(S3Xml.NS)
            .append("\">");
    S3Xml.element(xml, "LastModified", S3Xml.iso(copy.lastModified()));
    S3Xml.element(xml, "ETag", copy.etag());
    return S3Xml.xml(200, xml.append("</CopyObjectResult>").toString(), call.requestId());
  }

  private static String checkKey(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new S3Error(400, "KeyTooLongError", "Your key is too long")
          .with("Size", Integer.toString(key.getBytes(StandardCharsets.UTF_8).length))
          .with("MaxSizeAllowed", "1024");
    }
    return key;
  }

  private static void checkSize(long size, int max) {
    if (size > max) {
      throw new S3Error(
              400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
          .with("ProposedSize", Long.toString(size))
          .with("MaxSizeAllowed", Integer.toString(max));
    }
  }

  /** S3 condition keys carried by upload headers. */
  private static void putHeaderKeys(S3Call call, Map<String, String> keys) {
    for (String header :
        new String[] {
          "x-amz-acl",
          "x-amz-server-side-encryption",
          "x-amz-storage-class",
          "x-amz-server-side-encryption-aws-kms-key-id",
          "x-amz-website-redirect-location"
        }) {
      String value = call.header(header);
      if (value != null) {
        keys.put("s3:" + header, value.strip());
      }
    }
  }

  private static String contentType(S3Call call) {
    String type = call.header("content-type");
    return type == null || type.isBlank() ? "binary/octet-stream" : type;
  }

  private static Map<String, String> userMetadata(S3Call call) {
    Map<String, String> out = new LinkedHashMap<>();
    call.request()
        .headers()
        .forEach(
            (name, values) -> {
              if (name.startsWith("x-amz-meta-") && !values.isEmpty()) {
                out.put(name.substring("x-amz-meta-".length()), String.join(",", values));
              }
            });
    return Map.copyOf(out);
  }

  private static Map<String, String> storedHeaders(S3Call call) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : STORED_HEADERS) {
      String value = call.header(name);
      // aws-chunked is the transfer framing of streaming uploads, not a stored content encoding.
      if (name.equals("content-encoding") && value != null) {
        value =
            String.join(
                ",",
                Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(v -> !v.equalsIgnoreCase("aws-chunked") && !v.isEmpty())
                    .toList());
      }
      if (value != null && !value.isEmpty()) {
        out.put(name, value);
      }
    }
    return Map.copyOf(out);
  }
}
