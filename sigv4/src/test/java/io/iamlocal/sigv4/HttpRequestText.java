package io.iamlocal.sigv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the vectors' raw HTTP/1.1 request files into a {@link SignableRequest} the way a server's
 * HTTP decoder would deliver it: header values stripped of surrounding whitespace, obsolete line
 * folding unfolded into a single space (as Netty's HttpObjectDecoder does), repeated headers merged
 * in arrival order.
 */
final class HttpRequestText {

  private HttpRequestText() {}

  static SignableRequest parse(byte[] raw) {
    int headerEnd = indexOf(raw, "\n\n".getBytes(StandardCharsets.US_ASCII));
    String head =
        new String(raw, 0, headerEnd < 0 ? raw.length : headerEnd, StandardCharsets.UTF_8);
    byte[] body =
        headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, headerEnd + 2, raw.length);

    List<String> lines = new ArrayList<>(List.of(head.split("\n", -1)));
    String requestLine = lines.remove(0);
    int firstSpace = requestLine.indexOf(' ');
    int lastSpace = requestLine.lastIndexOf(' ');
    String method = requestLine.substring(0, firstSpace);
    // The target may contain raw spaces (get-space-*), so it is everything between method and
    // version.
    String target = requestLine.substring(firstSpace + 1, lastSpace);

    Map<String, List<String>> headers = new LinkedHashMap<>();
    String currentName = null;
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && currentName != null) {
        List<String> values = headers.get(currentName);
        int last = values.size() - 1;
        values.set(last, values.get(last) + ' ' + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1).strip();
      String existing =
          headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
      headers.computeIfAbsent(existing, k -> new ArrayList<>()).add(value);
      currentName = existing;
    }
    return SignableRequest.of(method, target, headers, body);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
