package io.iamlocal.server.s3;

import io.iamlocal.server.dispatch.HttpResponseData;
import io.iamlocal.server.state.Buckets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ListObjects (V1: marker, NextMarker) and ListObjectsV2 (continuation-token, start-after,
 * KeyCount): prefix, delimiter rolled up into CommonPrefixes (each counting against max-keys, at
 * most 1000), {@code encoding-type=url}. Authorized as {@code s3:ListBucket} with the condition
 * keys {@code s3:prefix}, {@code s3:delimiter} and {@code s3:max-keys}.
 */
final class ObjectListing {
  static final int MAX_KEYS = 1000;

  private ObjectListing() {}

  /** One page: the objects and common prefixes in key order, and where the next page starts. */
  private record Page(
      List<Buckets.S3Object> contents, List<String> prefixes, boolean truncated, String last) {}

  static HttpResponseData list(S3Call call, boolean v2) {
    String bucket = call.bucket();
    String prefix = call.param("prefix") == null ? "" : call.param("prefix");
    String delimiter = call.param("delimiter") == null ? "" : call.param("delimiter");
    String maxKeysText = call.param("max-keys");
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("s3:prefix", prefix);
    if (!delimiter.isEmpty()) {
      keys.put("s3:delimiter", delimiter);
    }
    if (maxKeysText != null) {
      keys.put("s3:max-keys", maxKeysText);
    }
    call.authorization()
        .require(
            call,
            "s3:ListBucket",
            bucket,
            S3Authorization.bucketArn(call.account().partition(), bucket),
            keys);
    int maxKeys = maxKeys(maxKeysText);
    String encoding = call.param("encoding-type");
    if (encoding != null && !encoding.equals("url")) {
      throw S3Error.invalidArgument(
          "Invalid Encoding Method specified in Request", "encoding-type", encoding);
    }
    boolean url = "url".equals(encoding);
    String token = call.param("continuation-token");
    String startAfter = call.param("start-after");
    String marker;
    if (v2) {
      marker = token != null ? decodeToken(token) : startAfter;
    } else {
      marker = call.param("marker");
    }
    Page page = page(call.objects(), prefix, delimiter, marker == null ? "" : marker, maxKeys);

    StringBuilder xml =
        new StringBuilder(S3Xml.DECLARATION)
            .append("<ListBucketResult xmlns=\"")
            .append(S3Xml.NS)
            .append("\">");
    S3Xml.element(xml, "Name", bucket);
    S3Xml.element(xml, "Prefix", enc(prefix, url));
    if (v2) {
      if (token != null) {
        S3Xml.element(xml, "ContinuationToken", token);
      }
      if (startAfter != null) {
        S3Xml.element(xml, "StartAfter", enc(startAfter, url));
      }
      S3Xml.element(xml, "KeyCount", page.contents().size() + page.prefixes().size());
    } else {
      S3Xml.element(xml, "Marker", enc(marker == null ? "" : marker, url));
    }
    S3Xml.element(xml, "MaxKeys", maxKeys);
    if (!delimiter.isEmpty()) {
      S3Xml.element(xml, "Delimiter", enc(delimiter, url));
    }
    if (url) {
      S3Xml.element(xml, "EncodingType", "url");
    }
    S3Xml.element(xml, "IsTruncated", page.truncated());
    if (page.truncated()) {
      if (v2) {
        S3Xml.element(xml, "NextContinuationToken", encodeToken(page.last()));
      } else if (!delimiter.isEmpty()) {
        S3Xml.element(xml, "NextMarker", enc(page.last(), url));
      }
    }
    boolean owner = !v2 || "true".equals(call.param("fetch-owner"));
    String ownerId = CanonicalUser.of(call.account().accountId());
    for (Buckets.S3Object o : page.contents()) {
      xml.append("<Contents>");
      S3Xml.element(xml, "Key", enc(o.key(), url));
      S3Xml.element(xml, "LastModified", S3Xml.iso(o.lastModified()));
      S3Xml.element(xml, "ETag", o.etag());
      S3Xml.element(xml, "Size", o.data().length);
      if (owner) {
        xml.append("<Owner>");
        S3Xml.element(xml, "ID", ownerId);
        xml.append("</Owner>");
      }
      S3Xml.element(xml, "StorageClass", "STANDARD");
      xml.append("</Contents>");
    }
    for (String p : page.prefixes()) {
      xml.append("<CommonPrefixes>");
      S3Xml.element(xml, "Prefix", enc(p, url));
      xml.append("</CommonPrefixes>");
    }
    return S3Xml.xml(200, xml.append("</ListBucketResult>").toString(), call.requestId());
  }

  private static Page page(
      NavigableMap<String, Buckets.S3Object> objects,
      String prefix,
      String delimiter,
      String marker,
      int maxKeys) {
    List<Buckets.S3Object> contents = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    String last = null;
    NavigableMap<String, Buckets.S3Object> from =
        marker.isEmpty() ? objects : objects.tailMap(marker, false);
    for (Map.Entry<String, Buckets.S3Object> e : from.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(prefix)) {
        if (key.compareTo(prefix) > 0) {
          break; // keys are sorted: past the prefix nothing matches any more
        }
        continue;
      }
      String entry = key;
      boolean common = false;
      if (!delimiter.isEmpty()) {
        int at = key.indexOf(delimiter, prefix.length());
        if (at >= 0) {
          entry = key.substring(0, at + delimiter.length());
          common = true;
        }
      }
      // A common prefix is listed once; resuming after it (marker) skips the keys it rolled up.
      if (entry.compareTo(marker) <= 0 || common && entry.equals(last)) {
        continue;
      }
      if (contents.size() + prefixes.size() >= maxKeys) {
        return new Page(contents, prefixes, true, last);
      }
      if (common) {
        prefixes.add(entry);
      } else {
        contents.add(e.getValue());
      }
      last = entry;
    }
    return new Page(contents, prefixes, false, last);
  }

  private static int maxKeys(String text) {
    if (text == null) {
      return MAX_KEYS;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < 0) {
        throw new NumberFormatException();
      }
      return Math.min(value, MAX_KEYS);
    } catch (NumberFormatException e) {
      throw S3Error.invalidArgument(
          "Provided max-keys not an integer or within integer range", "max-keys", text);
    }
  }

  private static String enc(String s, boolean url) {
    return url ? URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20") : s;
  }

  static String encodeToken(String last) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(last.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw S3Error.invalidArgument(
          "The continuation token provided is incorrect", "continuation-token", token);
    }
  }
}
