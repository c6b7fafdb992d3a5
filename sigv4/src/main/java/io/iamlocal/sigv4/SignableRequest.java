package io.iamlocal.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as seen on the wire, in the shape SigV4 signs it.
 *
 * <p>{@code rawPath} is the request-target path exactly as received (still percent-encoded), {@code
 * rawQuery} the raw query string without {@code '?'} ({@code ""} when absent), {@code headers} maps
 * header names (matched case-insensitively) to their values in arrival order. The header map is
 * copied (unless it is {@link ReceivedHeaders}, immutable already); the payload array is not
 * (bodies can be large), so callers must not mutate it afterwards.
 */
public record SignableRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] payload) {

  private static final byte[] EMPTY = new byte[0];

  public SignableRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    rawQuery = rawQuery == null ? "" : rawQuery;
    headers = copyHeaders(headers);
    payload = payload == null ? EMPTY : payload;
  }

  /** Builds a request from a request-target such as {@code /path?a=b}, splitting off the query. */
  public static SignableRequest of(
      String method, String target, Map<String, List<String>> headers, byte[] payload) {
    int q = target.indexOf('?');
    return q < 0
        ? new SignableRequest(method, target, "", headers, payload)
        : new SignableRequest(
            method, target.substring(0, q), target.substring(q + 1), headers, payload);
  }

  /** The request-target: raw path plus {@code ?query} when the query is non-empty. */
  public String target() {
    return rawQuery.isEmpty() ? rawPath : rawPath + '?' + rawQuery;
  }

  /**
   * All values of a header (case-insensitive name), merged across differently-cased keys; empty if
   * absent.
   */
  public List<String> headerValues(String name) {
    List<String> found = null;
    boolean shared = true;
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (!e.getKey().equalsIgnoreCase(name)) {
        continue;
      }
      if (found == null) {
        found = e.getValue();
      } else {
        if (shared) {
          found = new ArrayList<>(found);
          shared = false;
        }
        found.addAll(e.getValue());
      }
    }
    return found == null ? List.of() : Collections.unmodifiableList(found);
  }

  /** The first value of a header (case-insensitive name). */
  public Optional<String> firstHeader(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  /** A copy with every header of that name (any case) replaced by a single value. */
  public SignableRequest withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    copy.put(name, List.of(value));
    return new SignableRequest(method, rawPath, rawQuery, copy, payload);
  }

  /** A copy without any header of that name (any case). */
  public SignableRequest withoutHeader(String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    return new SignableRequest(method, rawPath, rawQuery, copy, payload);
  }

  /** A copy with a different raw query string. */
  public SignableRequest withRawQuery(String newRawQuery) {
    return new SignableRequest(method, rawPath, newRawQuery, headers, payload);
  }

  private static Map<String, List<String>> copyHeaders(Map<String, List<String>> headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    if (headers instanceof ReceivedHeaders) {
      return headers; // immutable already
    }
    Map<String, List<String>> copy = new LinkedHashMap<>(headers.size() * 2);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "header name");
      List<String> values = e.getValue() == null ? List.of() : List.copyOf(e.getValue());
      copy.put(name, values);
    }
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    return "SignableRequest["
        + method
        + ' '
        + target()
        + ", headers="
        + headers.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT)).toList()
        + ", payload="
        + payload.length
        + " bytes]";
  }
}
