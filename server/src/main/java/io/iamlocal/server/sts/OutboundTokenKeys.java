package io.iamlocal.server.sts;

import io.iamlocal.server.state.AccountState;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.UUID;

/**
 * The keys an account signs GetWebIdentityToken JWTs with (RS256: RSA 2048, ES384: P-384), made on
 * first use and kept until a reset. Their public halves are not published: IAMLocal serves no OIDC
 * discovery documents.
 */
final class OutboundTokenKeys {
  private final String keyIdPrefix = UUID.randomUUID().toString();
  private KeyPair rsa;
  private KeyPair ec;

  static OutboundTokenKeys of(AccountState account) {
    return account.extension(OutboundTokenKeys.class, a -> new OutboundTokenKeys());
  }

  synchronized KeyPair rsa() {
    if (rsa == null) {
      rsa = generate("RSA", null);
    }
    return rsa;
  }

  synchronized KeyPair ec() {
    if (ec == null) {
      ec = generate("EC", new ECGenParameterSpec("secp384r1"));
    }
    return ec;
  }

  String keyId(String algorithm) {
    return keyIdPrefix + "-" + algorithm;
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (spec != null) {
        generator.initialize(spec);
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
