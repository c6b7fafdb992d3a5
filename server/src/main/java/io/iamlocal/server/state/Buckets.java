package io.iamlocal.server.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The account's S3 buckets, for the minimal S3 surface that lets tests prove credentials work
 * (ListBuckets, CreateBucket, DeleteBucket, HeadBucket). Names are unique and kept in name order,
 * as ListBuckets lists them.
 */
public final class Buckets {
  private final NavigableMap<String, Bucket> byName = new ConcurrentSkipListMap<>();

  /** One bucket: its name, creation date and region. */
  public record Bucket(String name, Instant creationDate, String region) {}

  public static Buckets of(AccountState account) {
    return account.extension(Buckets.class, a -> new Buckets());
  }

  public Bucket get(String name) {
    return byName.get(name);
  }

  /** Adds a bucket; returns false when the name is taken. */
  public boolean create(Bucket bucket) {
    return byName.putIfAbsent(bucket.name(), bucket) == null;
  }

  public boolean delete(String name) {
    return byName.remove(name) != null;
  }

  public List<Bucket> all() {
    return new ArrayList<>(byName.values());
  }
}
