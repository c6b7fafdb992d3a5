package io.iamlocal.server.jsonapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Matches a request path against a REST URI template such as {@code /policy/generation/{jobId}}.
 */
final class RestPath {
  private RestPath() {}

  /**
   * True when {@code rawPath} fits {@code template}; its labels' decoded values go into {@code
   * labels}.
   */
  static boolean match(String template, String rawPath, Map<String, String> labels) {
    int query = template.indexOf('?');
    String[] expected = (query < 0 ? template : template.substring(0, query)).split("/", -1);
    String[] actual = rawPath.split("/", -1);
    if (expected.length != actual.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      String part = expected[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return false;
        }
        labels.put(part.substring(1, part.length() - 1).replace("+", ""), decode(actual[i]));
      } else if (!part.equals(actual[i])) {
        labels.clear();
        return false;
      }
    }
    return true;
  }

  static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
