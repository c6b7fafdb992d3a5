package io.iamlocal.sigv4;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded concurrent cache of derived signing keys. Keys only change per secret/day/region/service,
 * so one entry per active access key and service saves four HMACs per request. When full it is
 * cleared rather than evicted entry by entry: stale days fall out, and a miss only costs a
 * re-derivation.
 */
final class SigningKeyCache {

  private record Key(String secret, String date, String region, String service) {
    // Hand-written: the generated record methods go through method handles, which showed up in
    // profiles at tens of thousands of lookups per second.
    @Override
    public int hashCode() {
      return ((secret.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode()) * 31
          + service.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && secret.equals(k.secret)
          && date.equals(k.date)
          && region.equals(k.region)
          && service.equals(k.service);
    }
  }

  private final ConcurrentHashMap<Key, byte[]> keys = new ConcurrentHashMap<>();
  private final int maxEntries;

  SigningKeyCache(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The key for {@code credential} in a scope: the one its principal keeps when that is a {@link
   * SigningKeyHolder} with a key for this scope, otherwise from this cache (and then kept by the
   * holder).
   */
  byte[] signingKey(SigningCredential credential, String date, String region, String service) {
    if (!(credential.principal() instanceof SigningKeyHolder holder)) {
      return signingKey(credential.secretAccessKey(), date, region, service);
    }
    SigningKeyHolder.SigningKey kept = holder.signingKey();
    if (kept != null && kept.isFor(date, region, service)) {
      return kept.key();
    }
    byte[] key = signingKey(credential.secretAccessKey(), date, region, service);
    holder.keepSigningKey(new SigningKeyHolder.SigningKey(date, region, service, key));
    return key;
  }

  byte[] signingKey(String secret, String date, String region, String service) {
    Key key = new Key(secret, date, region, service);
    byte[] cached = keys.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] derived = SigningKeyDeriver.derive(secret, date, region, service);
    if (keys.size() >= maxEntries) {
      // The working set outgrew the cache: start over. Evicting one entry per insert instead
      // scanned the table from its start on every miss, under the bin locks of concurrent misses.
      keys.clear();
    }
    keys.put(key, derived);
    return derived;
  }

  int size() {
    return keys.size();
  }
}
