package io.iamlocal.server.netty;

import io.netty.util.AsciiString;
import java.util.Arrays;
import java.util.Locale;

/**
 * The header names AWS clients send on (nearly) every request, each as one shared lower-case
 * instance: the decoder hands it out instead of a new name per header line, and the request's
 * header map takes its String without a lower-cased copy. Names are case-insensitive everywhere
 * they are read (Netty's headers and the server's lower-case map), so the spelling is not lost to
 * anyone.
 */
final class KnownHeaderNames {
  private static final String[] NAMES = {
    "host",
    "content-type",
    "content-length",
    "x-amz-date",
    "authorization",
    "x-amz-security-token",
    "x-amz-content-sha256",
    "user-agent",
    "accept",
    "accept-encoding",
    "connection",
    "expect",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "x-amz-user-agent",
    "transfer-encoding"
  };

  /** The names by length, so that a header line is compared with at most three of them. */
  private static final AsciiString[][] BY_LENGTH;

  static {
    int longest = 0;
    for (String name : NAMES) {
      longest = Math.max(longest, name.length());
    }
    BY_LENGTH = new AsciiString[longest + 1][0];
    for (String name : NAMES) {
      AsciiString[] same = BY_LENGTH[name.length()];
      same = Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = AsciiString.cached(name); // its toString() is this String instance
      BY_LENGTH[name.length()] = same;
    }
  }

  private KnownHeaderNames() {}

  /** The shared name spelt, in any ASCII case, in {@code bytes[start, start + length)}, or null. */
  static AsciiString match(byte[] bytes, int start, int length) {
    if (length >= BY_LENGTH.length) {
      return null;
    }
    for (AsciiString known : BY_LENGTH[length]) {
      if (equalsIgnoringAsciiCase(known, bytes, start)) {
        return known;
      }
    }
    return null;
  }

  /** The lower-case name as a String: the shared instance for a known name, else a new one. */
  static String lowerCase(CharSequence name) {
    if (name.length() < BY_LENGTH.length) {
      for (AsciiString known : BY_LENGTH[name.length()]) {
        if (name == known || isAsciiLowerCaseOf(known, name)) {
          return known.toString();
        }
      }
    }
    return name.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean equalsIgnoringAsciiCase(AsciiString lower, byte[] bytes, int start) {
    for (int i = 0; i < lower.length(); i++) {
      if (lower.byteAt(i) != toLowerAscii(bytes[start + i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code name} lower-cased ASCII-wise is {@code lower} (no other script's case). */
  private static boolean isAsciiLowerCaseOf(AsciiString lower, CharSequence name) {
    for (int i = 0; i < lower.length(); i++) {
      char c = name.charAt(i);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static byte toLowerAscii(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }
}
