package io.iamlocal.sigv4;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Builds the SigV4 canonical request: method, canonical URI, canonical query, canonical headers,
 * signed header list and payload hash, separated by newlines.
 */
public final class CanonicalRequest {

  /** Never part of the canonical query: a presigned URL cannot sign its own signature. */
  static final String SIGNATURE_PARAM = "X-Amz-Signature";

  private CanonicalRequest() {}

  /**
   * The canonical request for {@code request}.
   *
   * @param signedHeaders header names to sign (any case, any order; normalized to sorted lower
   *     case)
   * @param payloadHash hex SHA-256 of the body, or a literal such as {@code UNSIGNED-PAYLOAD}
   * @param uriMode path canonicalization; use {@link CanonicalUriMode#forService(String)}
   */
  public static String build(
      SignableRequest request,
      Collection<String> signedHeaders,
      String payloadHash,
      CanonicalUriMode uriMode) {
    return build(
        request,
        HeaderIndex.of(request.headers()),
        normalizeSignedHeaders(signedHeaders),
        payloadHash,
        uriMode);
  }

  static String build(
      SignableRequest request,
      HeaderIndex headers,
      List<String> sortedSignedHeaders,
      String payloadHash,
      CanonicalUriMode uriMode) {
    Utf8Text text = new Utf8Text(256 + request.rawQuery().length());
    write(text, request, headers, sortedSignedHeaders, payloadHash, uriMode);
    return text.toString();
  }

  /** Appends the canonical request's UTF-8 bytes to {@code out}, for hashing without a String. */
  static void write(
      Utf8Text out,
      SignableRequest request,
      HeaderIndex headers,
      List<String> sortedSignedHeaders,
      String payloadHash,
      CanonicalUriMode uriMode) {
    out.append(request.method())
        .append('\n')
        .append(canonicalUri(request.rawPath(), uriMode))
        .append('\n')
        .append(canonicalQuery(request.rawQuery()))
        .append('\n');
    appendCanonicalHeaders(out, headers, sortedSignedHeaders);
    out.append('\n')
        .append(signedHeadersLine(sortedSignedHeaders))
        .append('\n')
        .append(payloadHash);
  }

  /** The canonical URI for a raw (as received, percent-encoded) path. */
  public static String canonicalUri(String rawPath, CanonicalUriMode mode) {
    if (rawPath.isEmpty()) {
      return "/";
    }
    String path = rawPath.charAt(0) == '/' ? rawPath : '/' + rawPath;
    return switch (mode) {
      case NORMALIZED -> UriEncoding.encode(removeDotAndEmptySegments(path), true);
      case S3 -> reencodeSegments(path);
    };
  }

  /**
   * The canonical query: parameters decoded and re-encoded with AWS URI encoding, sorted by name
   * then value, a parameter without {@code '='} getting an empty value, {@code X-Amz-Signature}
   * left out. A literal {@code '+'} is taken as a plus sign (RFC 3986), not a space, as AWS SDKs
   * always send {@code %20}.
   */
  public static String canonicalQuery(String rawQuery) {
    if (rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> params = new ArrayList<>();
    int n = rawQuery.length();
    int start = 0;
    while (start <= n) {
      int amp = rawQuery.indexOf('&', start);
      if (amp < 0) {
        amp = n;
      }
      if (amp > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > amp) {
          name = UriEncoding.reencode(rawQuery.substring(start, amp));
          value = "";
        } else {
          name = UriEncoding.reencode(rawQuery.substring(start, eq));
          value = UriEncoding.reencode(rawQuery.substring(eq + 1, amp));
        }
        if (!SIGNATURE_PARAM.equals(name)) {
          params.add(new String[] {name, value});
        }
      }
      start = amp + 1;
    }
    // Encoded strings are ASCII, so String order is the byte order the spec asks for.
    params.sort(
        (a, b) -> {
          int byName = a[0].compareTo(b[0]);
          return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
    StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
    for (int i = 0; i < params.size(); i++) {
      if (i > 0) {
        sb.append('&');
      }
      sb.append(params.get(i)[0]).append('=').append(params.get(i)[1]);
    }
    return sb.toString();
  }

  /**
   * Lower-cased, trimmed, de-duplicated and sorted header names, as the signed-headers line needs
   * them.
   */
  public static List<String> normalizeSignedHeaders(Collection<String> names) {
    TreeSet<String> sorted = new TreeSet<>();
    for (String name : names) {
      String n = name.trim().toLowerCase(Locale.ROOT);
      if (!n.isEmpty()) {
        sorted.add(n);
      }
    }
    return List.copyOf(sorted);
  }

  /** The last signed-header list parsed, with its line: clients send the same one every time. */
  private record ParsedSignedHeaders(String value, List<String> names, String line) {}

  private static volatile ParsedSignedHeaders lastParsed =
      new ParsedSignedHeaders("", List.of(), "");

  /**
   * Parses the signed-header list written in {@code text[from, to)}: the list clients send every
   * time is matched in place, without a copy of it.
   */
  static List<String> parseSignedHeaders(String text, int from, int to) {
    ParsedSignedHeaders last = lastParsed;
    int length = to - from;
    if (last.value().length() == length && text.regionMatches(from, last.value(), 0, length)) {
      return last.names();
    }
    return parseSignedHeaders(text.substring(from, to));
  }

  /** Parses {@code host;x-amz-date} into normalized names. */
  static List<String> parseSignedHeaders(String value) {
    ParsedSignedHeaders last = lastParsed;
    if (last.value().equals(value)) {
      return last.names();
    }
    List<String> names = new ArrayList<>();
    int start = 0;
    while (start <= value.length()) {
      int semi = value.indexOf(';', start);
      if (semi < 0) {
        semi = value.length();
      }
      names.add(value.substring(start, semi));
      start = semi + 1;
    }
    List<String> normalized = normalizeSignedHeaders(names);
    lastParsed = new ParsedSignedHeaders(value, normalized, String.join(";", normalized));
    return normalized;
  }

  /** The signed-headers line of the canonical request: the names joined by semicolons. */
  private static String signedHeadersLine(List<String> sortedSignedHeaders) {
    ParsedSignedHeaders last = lastParsed;
    return last.names() == sortedSignedHeaders
        ? last.line()
        : String.join(";", sortedSignedHeaders);
  }

  /**
   * A header value in canonical form: trimmed, runs of whitespace collapsed to one space (what both
   * botocore and the Java SDK do, which also flattens obsolete line folding).
   */
  static String canonicalHeaderValue(String value) {
    int n = value.length();
    if (!needsWhitespaceCleanup(value)) {
      return value;
    }
    StringBuilder sb = new StringBuilder(n);
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (isWhitespace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean needsWhitespaceCleanup(String value) {
    int n = value.length();
    if (n == 0) {
      return false;
    }
    if (isWhitespace(value.charAt(0)) || isWhitespace(value.charAt(n - 1))) {
      return true;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = value.charAt(i);
      if (isWhitespace(c) && (c != ' ' || isWhitespace(value.charAt(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  private static void appendCanonicalHeaders(
      Utf8Text out, HeaderIndex headers, List<String> names) {
    for (String name : names) {
      out.append(name).append(':');
      Object values = headers.rawValues(name);
      if (values instanceof String single) {
        out.append(canonicalHeaderValue(single));
      } else if (values != null) {
        boolean first = true;
        for (Object v : (List<?>) values) {
          if (v == null) {
            continue;
          }
          if (!first) {
            out.append(',');
          }
          out.append(canonicalHeaderValue((String) v));
          first = false;
        }
      }
      out.append('\n');
    }
  }

  /**
   * RFC 3986 dot-segment removal on the raw path, plus dropping empty segments ({@code //}). A
   * trailing slash survives, as does one implied by a final {@code .} or {@code ..} segment.
   */
  private static String removeDotAndEmptySegments(String path) {
    if (path.indexOf("//") < 0 && path.indexOf("/.") < 0) {
      return path; // fast path: "/" and ordinary paths
    }
    List<String> out = new ArrayList<>();
    int start = 1;
    int n = path.length();
    while (start <= n) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? n : slash;
      String segment = path.substring(start, end);
      if (segment.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        out.add(segment);
      }
      start = end + 1;
    }
    boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
    if (out.isEmpty()) {
      return "/";
    }
    StringBuilder sb = new StringBuilder(path.length());
    for (String segment : out) {
      sb.append('/').append(segment);
    }
    if (trailingSlash) {
      sb.append('/');
    }
    return sb.toString();
  }

  private static String reencodeSegments(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    int start = 0;
    int n = path.length();
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? n : slash;
      sb.append(UriEncoding.reencode(path.substring(start, end)));
      if (slash < 0) {
        return sb.toString();
      }
      sb.append('/');
      start = slash + 1;
    }
  }
}
