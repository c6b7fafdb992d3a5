package io.iamlocal.sigv4;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded concurrent cache of derived signing keys. Keys only change per secret/day/region/service, so a
 * few hundred entries cover a busy server and save four HMACs per request. Eviction is arbitrary rather than
 * LRU: stale days fall out eventually and a miss only costs a re-derivation.
 */
final class SigningKeyCache {

    private record Key(String secret, String date, String region, String service) {
    }

    private final ConcurrentHashMap<Key, byte[]> keys = new ConcurrentHashMap<>();
    private final int maxEntries;

    SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    byte[] signingKey(String secret, String date, String region, String service) {
        Key key = new Key(secret, date, region, service);
        byte[] cached = keys.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] derived = SigningKeyDeriver.derive(secret, date, region, service);
        while (keys.size() >= maxEntries) {
            Iterator<Key> it = keys.keySet().iterator();
            if (!it.hasNext()) {
                break;
            }
            it.next();
            it.remove();
        }
        keys.put(key, derived);
        return derived;
    }

    int size() {
        return keys.size();
    }
}
