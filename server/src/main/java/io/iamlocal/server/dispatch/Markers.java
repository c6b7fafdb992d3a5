package io.iamlocal.server.dispatch;

import io.iamlocal.protocol.error.AwsServiceException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination markers: the resume key and the operation it belongs to, with a MAC so that a
 * forged or foreign marker is refused instead of silently paging from somewhere else.
 */
public final class Markers {
  private static final byte[] KEY = new byte[32];
  private static final int MAC_BYTES = 12;

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private Markers() {}

  public static String encode(String operation, String resumeKey) {
    byte[] payload = (operation + "\n" + resumeKey).getBytes(StandardCharsets.UTF_8);
    byte[] mac = mac(payload);
    byte[] all = new byte[payload.length + MAC_BYTES];
    System.arraycopy(payload, 0, all, 0, payload.length);
    System.arraycopy(mac, 0, all, payload.length, MAC_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
  }

  /** The resume key, or null when there is no marker; a bad marker is a ValidationError. */
  public static String decode(String operation, String marker) {
    if (marker == null) {
      return null;
    }
    try {
      byte[] all = Base64.getUrlDecoder().decode(marker);
      if (all.length > MAC_BYTES) {
        byte[] payload = java.util.Arrays.copyOf(all, all.length - MAC_BYTES);
        byte[] given = java.util.Arrays.copyOfRange(all, all.length - MAC_BYTES, all.length);
        byte[] expected = java.util.Arrays.copyOf(mac(payload), MAC_BYTES);
        String text = new String(payload, StandardCharsets.UTF_8);
        int nl = text.indexOf('\n');
        if (MessageDigest.isEqual(given, expected)
            && nl > 0
            && text.substring(0, nl).equals(operation)) {
          return text.substring(nl + 1);
        }
      }
    } catch (IllegalArgumentException notBase64) {
      // fall through to the same error as a forged marker
    }
    throw AwsServiceException.validation("Invalid Marker.");
  }

  private static byte[] mac(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
