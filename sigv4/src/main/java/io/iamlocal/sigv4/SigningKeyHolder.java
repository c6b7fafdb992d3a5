package io.iamlocal.sigv4;

/**
 * A credential's {@link SigningCredential#principal() principal} that keeps the signing key last
 * derived for its secret. Verifying the principal's next request in the same scope then finds the
 * key on an object already in hand, instead of in the verifier's cache keyed by the secret (a hash
 * of the secret and several cache misses among tens of thousands of entries). The secret of a
 * holder must never change.
 */
public interface SigningKeyHolder {

  /** The key last given to {@link #keepSigningKey}, or null; read without locking. */
  SigningKey signingKey();

  /** Keeps {@code key}, replacing any other; concurrent callers may overwrite each other. */
  void keepSigningKey(SigningKey key);

  /** A derived signing key and the credential scope it is for; {@code key} must not be modified. */
  record SigningKey(String date, String region, String service, byte[] key) {
    boolean isFor(String date, String region, String service) {
      return this.date.equals(date) && this.region.equals(region) && this.service.equals(service);
    }
  }
}
