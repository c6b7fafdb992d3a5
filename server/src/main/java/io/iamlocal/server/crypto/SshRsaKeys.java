package io.iamlocal.server.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The SSH public keys IAM accepts (UploadSSHPublicKey): RSA keys of at least 2048 bits, in OpenSSH
 * {@code ssh-rsa AAAA… comment} form or as a PEM public key. Converts between the two encodings
 * (GetSSHPublicKey's {@code Encoding}) and computes the fingerprint IAM reports, the
 * colon-separated MD5 of the SSH wire blob (what {@code ssh-keygen -l -E md5} prints).
 */
public final class SshRsaKeys {
  private static final String SSH_RSA = "ssh-rsa";

  /** OpenSSH key types IAM recognises as SSH keys but does not accept (it takes RSA only). */
  private static final Set<String> OTHER_SSH_TYPES =
      Set.of(
          "ssh-dss",
          "ssh-ed25519",
          "ssh-ed448",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "sk-ssh-ed25519@openssh.com",
          "sk-ecdsa-sha2-nistp256@openssh.com");

  /** The documented minimum: "The minimum bit-length of the public key is 2048 bits." */
  public static final int MIN_BITS = 2048;

  private SshRsaKeys() {}

  /** How an uploaded key was written. */
  public enum Format {
    SSH,
    PEM
  }

  /** Why a key body was refused: not a key at all in a known encoding, or a bad key. */
  public enum Problem {
    UNRECOGNIZED_ENCODING,
    INVALID_KEY
  }

  /** A refused key body. */
  public static final class KeyException extends Exception {
    private final Problem problem;

    KeyException(Problem problem, String reason) {
      super(reason, null, false, false);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }
  }

  /** A parsed key: the RSA key, its SSH wire blob and the form it arrived in. */
  public record ParsedKey(RSAPublicKey key, byte[] blob, Format format) {
    public String fingerprint() {
      return md5Fingerprint(blob);
    }
  }

  public static ParsedKey parse(String body) throws KeyException {
    String text = body == null ? "" : body.strip();
    ParsedKey parsed;
    if (text.startsWith("-----BEGIN")) {
      parsed = parsePem(text);
    } else {
      parsed = parseOpenSsh(text);
    }
    if (parsed.key().getModulus().bitLength() < MIN_BITS) {
      throw new KeyException(Problem.INVALID_KEY, "RSA key shorter than " + MIN_BITS + " bits");
    }
    return parsed;
  }

  private static ParsedKey parsePem(String text) throws KeyException {
    PublicKey key;
    try {
      key = Pem.publicKey(text);
    } catch (Pem.InvalidPemException e) {
      throw new KeyException(Problem.INVALID_KEY, e.getMessage());
    }
    if (!(key instanceof RSAPublicKey rsa)) {
      throw new KeyException(
          Problem.UNRECOGNIZED_ENCODING, "not an RSA key: " + key.getAlgorithm());
    }
    return new ParsedKey(rsa, blob(rsa), Format.PEM);
  }

  private static ParsedKey parseOpenSsh(String text) throws KeyException {
    String[] fields = text.split("\\s+", 3);
    if (OTHER_SSH_TYPES.contains(fields[0])) {
      throw new KeyException(
          Problem.UNRECOGNIZED_ENCODING, "unsupported SSH key type " + fields[0]);
    }
    if (!fields[0].equals(SSH_RSA)) {
      throw new KeyException(Problem.UNRECOGNIZED_ENCODING, "neither ssh-rsa nor PEM");
    }
    if (fields.length < 2) {
      throw new KeyException(Problem.INVALID_KEY, "no key data");
    }
    try {
      byte[] blob = Base64.getDecoder().decode(fields[1]);
      ByteBuffer in = ByteBuffer.wrap(blob);
      String type = new String(readString(in), StandardCharsets.US_ASCII);
      BigInteger exponent = new BigInteger(readString(in));
      BigInteger modulus = new BigInteger(readString(in));
      if (!type.equals(SSH_RSA)
          || in.hasRemaining()
          || exponent.signum() <= 0
          || modulus.signum() <= 0) {
        throw new KeyException(Problem.INVALID_KEY, "malformed ssh-rsa key data");
      }
      RSAPublicKey key =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
      return new ParsedKey(key, blob, Format.SSH);
    } catch (IllegalArgumentException
        | java.nio.BufferUnderflowException
        | GeneralSecurityException e) {
      throw new KeyException(Problem.INVALID_KEY, "malformed ssh-rsa key data");
    }
  }

  private static byte[] readString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalArgumentException("bad length");
    }
    byte[] out = new byte[length];
    in.get(out);
    return out;
  }

  /** The SSH wire encoding of an RSA key: string "ssh-rsa", mpint e, mpint n (RFC 4253 §6.6). */
  public static byte[] blob(RSAPublicKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, SSH_RSA.getBytes(StandardCharsets.US_ASCII));
    writeString(out, key.getPublicExponent().toByteArray());
    writeString(out, key.getModulus().toByteArray());
    return out.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, byte[] data) {
    out.write(data.length >>> 24);
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.writeBytes(data);
  }

  /** {@code ssh-rsa BASE64}, the OpenSSH one-line form without a comment. */
  public static String openSsh(byte[] blob) {
    return SSH_RSA + " " + Base64.getEncoder().encodeToString(blob);
  }

  /** The key as an X.509 {@code PUBLIC KEY} PEM block. */
  public static String pem(RSAPublicKey key) {
    return Pem.encode("PUBLIC KEY", key.getEncoded());
  }

  /** {@code 7a:1d:…}: the MD5 of the SSH wire blob as colon-separated lower-case hex. */
  public static String md5Fingerprint(byte[] blob) {
    try {
      return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
