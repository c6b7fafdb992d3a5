package io.iamlocal.server.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;

/**
 * PEM and X.509 parsing shared by signing certificates, server certificates, SSH keys and SAML
 * metadata. Strict where IAM is strict: only whitespace may surround the PEM blocks, and encrypted
 * private keys are refused (IAM needs the key in clear to check it against the certificate).
 * Parsing uses Bouncy Castle's PEM and ASN.1 layers and the JDK's own key factories; no JCA
 * provider is installed, so a shaded (unsigned) jar works on every JDK.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final JcaX509CertificateConverter CERTIFICATES = new JcaX509CertificateConverter();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pem() {}

  /** Text that is not what the caller asked for, with a reason for logs and tests. */
  public static final class InvalidPemException extends Exception {
    public InvalidPemException(String reason) {
      super(reason, null, false, false);
    }
  }

  /** One {@code -----BEGIN TYPE-----} block: its label, header lines (if any) and DER bytes. */
  public record Block(String type, List<String> headers, byte[] der) {}

  /** Every PEM block of {@code text}; anything but whitespace outside the blocks is refused. */
  public static List<Block> blocks(String text) throws InvalidPemException {
    if (text == null) {
      throw new InvalidPemException("no PEM text");
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    int end = 0;
    while (m.find()) {
      if (!text.substring(end, m.start()).isBlank()) {
        throw new InvalidPemException("text outside PEM blocks");
      }
      blocks.add(block(m.group(1), m.group(2)));
      end = m.end();
    }
    if (blocks.isEmpty() || !text.substring(end).isBlank()) {
      throw new InvalidPemException(
          blocks.isEmpty() ? "no PEM block" : "text after the last PEM block");
    }
    return blocks;
  }

  private static Block block(String type, String body) throws InvalidPemException {
    List<String> headers = new ArrayList<>();
    StringBuilder base64 = new StringBuilder(body.length());
    for (String line : body.split("\\r?\\n")) {
      String trimmed = line.strip();
      if (trimmed.contains(":")) {
        headers.add(trimmed);
      } else {
        base64.append(trimmed);
      }
    }
    try {
      byte[] der = Base64.getDecoder().decode(base64.toString());
      if (der.length == 0) {
        throw new InvalidPemException("empty PEM block");
      }
      return new Block(type, List.copyOf(headers), der);
    } catch (IllegalArgumentException e) {
      throw new InvalidPemException("PEM body is not base64");
    }
  }

  /** The one certificate of a PEM text holding exactly one {@code CERTIFICATE} block. */
  public static X509Certificate certificate(String pem) throws InvalidPemException {
    List<Block> blocks = blocks(pem);
    if (blocks.size() != 1) {
      throw new InvalidPemException(
          "expected one certificate, found " + blocks.size() + " PEM blocks");
    }
    return certificate(blocks.get(0));
  }

  /**
   * The certificates of a PEM bundle (a chain), in their order; every block must be a certificate.
   */
  public static List<X509Certificate> certificates(String pem) throws InvalidPemException {
    List<X509Certificate> out = new ArrayList<>();
    for (Block block : blocks(pem)) {
      out.add(certificate(block));
    }
    return out;
  }

  private static X509Certificate certificate(Block block) throws InvalidPemException {
    if (!block.type().equals("CERTIFICATE") && !block.type().equals("X509 CERTIFICATE")) {
      throw new InvalidPemException("not a certificate: " + block.type());
    }
    return certificate(block.der());
  }

  /** An X.509 certificate from its DER encoding (as carried by SAML metadata). */
  public static X509Certificate certificate(byte[] der) throws InvalidPemException {
    try {
      return CERTIFICATES.getCertificate(new X509CertificateHolder(der));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new InvalidPemException("not an X.509 certificate");
    }
  }

  /**
   * An unencrypted private key in any of OpenSSL's PEM forms: PKCS#1 {@code RSA PRIVATE KEY}, SEC1
   * {@code EC PRIVATE KEY} (optionally after its {@code EC PARAMETERS}) or PKCS#8 {@code PRIVATE
   * KEY}.
   */
  public static PrivateKey privateKey(String pem) throws InvalidPemException {
    List<Block> blocks = blocks(pem);
    List<Block> keys = blocks.stream().filter(b -> !b.type().equals("EC PARAMETERS")).toList();
    if (keys.size() != 1) {
      throw new InvalidPemException("expected one private key");
    }
    Block block = keys.get(0);
    if (block.type().startsWith("ENCRYPTED")
        || block.headers().stream()
            .anyMatch(h -> h.toUpperCase(Locale.ROOT).contains("ENCRYPTED"))) {
      throw new InvalidPemException("the private key is encrypted");
    }
    Object parsed = parseOne(block);
    PrivateKeyInfo info;
    if (parsed instanceof PEMKeyPair pair) {
      info = pair.getPrivateKeyInfo();
    } else if (parsed instanceof PrivateKeyInfo plain) {
      info = plain;
    } else if (parsed instanceof PEMEncryptedKeyPair) {
      throw new InvalidPemException("the private key is encrypted");
    } else {
      throw new InvalidPemException("not a private key: " + block.type());
    }
    try {
      return KeyFactory.getInstance(jdkAlgorithm(info.getPrivateKeyAlgorithm()))
          .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new InvalidPemException("unreadable private key: " + e);
    }
  }

  /** A public key in X.509 {@code PUBLIC KEY} or PKCS#1 {@code RSA PUBLIC KEY} PEM form. */
  public static PublicKey publicKey(String pem) throws InvalidPemException {
    List<Block> blocks = blocks(pem);
    if (blocks.size() != 1) {
      throw new InvalidPemException("expected one public key");
    }
    Object parsed = parseOne(blocks.get(0));
    if (!(parsed instanceof SubjectPublicKeyInfo info)) {
      throw new InvalidPemException("not a public key: " + blocks.get(0).type());
    }
    try {
      return KeyFactory.getInstance(jdkAlgorithm(info.getAlgorithm()))
          .generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new InvalidPemException("unreadable public key");
    }
  }

  /**
   * The JDK's key factory name for a key's algorithm OID. Bouncy Castle's own converter names EC
   * keys "ECDSA", which only its provider knows; the JDK calls them "EC".
   */
  private static String jdkAlgorithm(AlgorithmIdentifier algorithm) throws InvalidPemException {
    ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
    if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
      return "RSA";
    }
    if (oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
      return "RSASSA-PSS";
    }
    if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
      return "EC";
    }
    if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
      return "DSA";
    }
    if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
      return "Ed25519";
    }
    throw new InvalidPemException("unsupported key algorithm " + oid);
  }

  private static Object parseOne(Block block) throws InvalidPemException {
    try (PEMParser parser =
        new PEMParser(new StringReader(encode(block.type(), block.headers(), block.der())))) {
      return parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new InvalidPemException("unreadable " + block.type());
    }
  }

  /**
   * Whether {@code privateKey} is the private half of {@code publicKey}, proven by signing a random
   * challenge, which works for every key type the JDK can sign with.
   */
  public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
    String algorithm = signatureAlgorithm(privateKey);
    if (algorithm == null || !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    try {
      byte[] challenge = new byte[32];
      RANDOM.nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(privateKey);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      case "DSA" -> "SHA256withDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      default -> null;
    };
  }

  /** Whether {@code issuer}'s key verifies {@code certificate}'s signature. */
  public static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** PEM text for {@code der}: the label lines and 64-column base64, with a final newline. */
  public static String encode(String type, byte[] der) {
    return encode(type, List.of(), der);
  }

  private static String encode(String type, List<String> headers, byte[] der) {
    StringBuilder out = new StringBuilder(der.length * 4 / 3 + 80);
    out.append("-----BEGIN ").append(type).append("-----\n");
    for (String header : headers) {
      out.append(header).append('\n');
    }
    if (!headers.isEmpty()) {
      out.append('\n');
    }
    out.append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)).append('\n');
    out.append("-----END ").append(type).append("-----\n");
    return out.toString();
  }
}
