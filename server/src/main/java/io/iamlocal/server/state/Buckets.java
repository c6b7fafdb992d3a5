package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The account's S3 buckets (their names claimed in {@link Accounts}, unique across accounts), their
 * objects (in memory, in key order as ListObjects lists them) and their bucket policies. Names are
 * unique and kept in name order, as ListBuckets lists them. Guarded by the account lock like every
 * other entity.
 */
public final class Buckets {
  private final NavigableMap<String, Bucket> byName = new ConcurrentSkipListMap<>();
  private final Map<String, NavigableMap<String, S3Object>> objects = new ConcurrentHashMap<>();
  private final Map<String, String> policies = new ConcurrentHashMap<>();

  /** Bytes of every object's data, counted against the server's S3 total limit. */
  private long storedBytes;

  /** One bucket: its name, creation date and region. */
  public record Bucket(String name, Instant creationDate, String region) {}

  /**
   * One stored object.
   *
   * @param etag the quoted MD5 hex of the data
   * @param metadata user metadata ({@code x-amz-meta-*} without the prefix, names lower-case)
   * @param headers stored representation headers (Content-Encoding, Cache-Control…), names
   *     lower-case
   */
  public record S3Object(
      String key,
      byte[] data,
      String etag,
      String contentType,
      Instant lastModified,
      Map<String, String> metadata,
      Map<String, String> headers) {}

  private final AccountState account;

  private Buckets(AccountState account) {
    this.account = account;
  }

  public static Buckets of(AccountState account) {
    return account.extension(Buckets.class, Buckets::new);
  }

  public Bucket get(String name) {
    return byName.get(name);
  }

  /**
   * Adds a bucket; returns false when the name is taken (in any account: bucket names are global).
   */
  public boolean create(Bucket bucket) {
    if (!account.directory().claimBucket(bucket.name(), account)) {
      return false;
    }
    if (byName.putIfAbsent(bucket.name(), bucket) != null) {
      return false;
    }
    objects.put(bucket.name(), new ConcurrentSkipListMap<>());
    return true;
  }

  public boolean delete(String name) {
    policies.remove(name);
    objects.remove(name);
    if (byName.remove(name) == null) {
      return false;
    }
    account.directory().releaseBucket(name, account);
    return true;
  }

  /**
   * Stores {@code object} in {@code bucketObjects} (replacing the one with its key) unless the
   * bytes of all objects, in every account, would then exceed {@code limit}; returns whether it was
   * stored. Replacing an object by a smaller one always fits.
   */
  public synchronized boolean store(
      NavigableMap<String, S3Object> bucketObjects, S3Object object, long limit) {
    S3Object old = bucketObjects.get(object.key());
    long delta = object.data().length - (old == null ? 0 : old.data().length);
    if (!account.directory().reserveS3Bytes(delta, limit)) {
      return false;
    }
    bucketObjects.put(object.key(), object);
    storedBytes += delta;
    return true;
  }

  /** Removes the object with {@code key} from {@code bucketObjects}, releasing its bytes. */
  public synchronized void remove(NavigableMap<String, S3Object> bucketObjects, String key) {
    S3Object old = bucketObjects.remove(key);
    if (old != null) {
      storedBytes -= old.data().length;
      account.directory().reserveS3Bytes(-old.data().length, Long.MAX_VALUE);
    }
  }

  public synchronized long storedBytes() {
    return storedBytes;
  }

  public List<Bucket> all() {
    return new ArrayList<>(byName.values());
  }

  /** The bucket's objects in key order (as S3 lists them); null when there is no such bucket. */
  public NavigableMap<String, S3Object> objects(String bucket) {
    return objects.get(bucket);
  }

  /** The bucket policy document, or null when none is set. */
  public String policy(String bucket) {
    return policies.get(bucket);
  }

  public void putPolicy(String bucket, String document) {
    policies.put(bucket, document);
  }

  public boolean deletePolicy(String bucket) {
    return policies.remove(bucket) != null;
  }
}
