package io.iamlocal.server.netty;

import io.netty.util.AsciiString;
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

  private static final AsciiString[] ASCII = new AsciiString[NAMES.length];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      ASCII[i] = AsciiString.cached(NAMES[i]); // its toString() is the same String instance
    }
  }

  private KnownHeaderNames() {}

  /** The shared name spelt, in any ASCII case, in {@code bytes[start, start + length)}, or null. */
  static AsciiString match(byte[] bytes, int start, int length) {
    for (AsciiString known : ASCII) {
      if (known.length() == length && equalsIgnoringAsciiCase(known, bytes, start)) {
        return known;
      }
    }
    return null;
  }

  /** The lower-case name as a String: the shared instance for a known name, else a new one. */
  static String lowerCase(CharSequence name) {
    for (int i = 0; i < ASCII.length; i++) {
      if (name == ASCII[i] || isAsciiLowerCaseOf(NAMES[i], name)) {
        return NAMES[i];
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
  private static boolean isAsciiLowerCaseOf(String lower, CharSequence name) {
    if (lower.length() != name.length()) {
      return false;
    }
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
