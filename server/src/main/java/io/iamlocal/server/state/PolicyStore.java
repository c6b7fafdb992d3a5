package io.iamlocal.server.state;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The managed policies one account sees: its customer managed policies (unique by name across
 * paths, case-insensitively) and the AWS managed catalog. An AWS managed policy gets a per-account
 * {@link ManagedPolicy} only while something in the account uses it (attachment or permissions
 * boundary), so an account that attaches two AWS policies costs two small objects, not 1,485.
 */
public final class PolicyStore {
  private final String accountId;
  private final Partition partition;
  private final NamedStore<ManagedPolicy> customer = new NamedStore<>(ManagedPolicy::policyName);
  private final NavigableMap<String, ManagedPolicy> awsInUse = new TreeMap<>();

  private PolicyStore(AccountState account) {
    this.accountId = account.accountId();
    this.partition = account.partition();
  }

  /** The store of {@code account}, created on first use. */
  public static PolicyStore of(AccountState account) {
    return account.extension(PolicyStore.class, PolicyStore::new);
  }

  /** Customer managed policies in name order. */
  public NamedStore<ManagedPolicy> customer() {
    return customer;
  }

  /** AWS managed policies used in this account, keyed like the catalog ({@link NamedStore#key}). */
  public NavigableMap<String, ManagedPolicy> awsInUse() {
    return awsInUse;
  }

  /**
   * The partition whose ARNs the account's policies (and its view of the AWS managed ones) carry.
   */
  public Partition partition() {
    return partition;
  }

  /** The ARN prefix of this account's customer managed policies. */
  public String customerArnPrefix() {
    return Arns.iamPrefix(partition, accountId) + "policy";
  }

  /**
   * The policy with exactly this ARN, or null. An AWS managed policy nothing uses comes back as a
   * fresh, unattached object: read it, but {@link #retain} it before recording a use.
   */
  public ManagedPolicy find(String arn) {
    if (arn == null) {
      return null;
    }
    if (arn.startsWith(customerArnPrefix() + "/")) {
      ManagedPolicy policy = customer.get(nameOf(arn));
      return policy != null && policy.arn().equals(arn) ? policy : null;
    }
    AwsManagedPolicyCatalog.Entry entry = AwsManagedPolicyCatalog.get().byArn(partition, arn);
    if (entry == null) {
      return null;
    }
    ManagedPolicy inUse = awsInUse.get(NamedStore.key(entry.policyName()));
    return inUse != null ? inUse : fromCatalog(entry, partition);
  }

  /**
   * Keeps an AWS managed policy found with {@link #find} for this account, so that its uses can be
   * counted; returns the account's object for it (the given one unless one was kept already).
   */
  public ManagedPolicy retain(ManagedPolicy policy) {
    if (policy == null || !policy.isAwsManaged()) {
      return policy;
    }
    return awsInUse.computeIfAbsent(NamedStore.key(policy.policyName()), k -> policy);
  }

  /** Forgets an AWS managed policy's per-account object once nothing in the account uses it. */
  public void releaseIfUnused(ManagedPolicy policy) {
    if (policy != null
        && policy.isAwsManaged()
        && policy.attachmentCount() == 0
        && policy.permissionsBoundaryUsageCount() <= 0) {
      awsInUse.remove(NamedStore.key(policy.policyName()), policy);
    }
  }

  /** The AWS managed policy used in this account with this catalog entry, or null when unused. */
  public ManagedPolicy awsInUse(AwsManagedPolicyCatalog.Entry entry) {
    return awsInUse.get(NamedStore.key(entry.policyName()));
  }

  /**
   * A catalog entry as a managed policy of {@code partition} with its one known (default) version.
   */
  public static ManagedPolicy fromCatalog(
      AwsManagedPolicyCatalog.Entry entry, Partition partition) {
    ManagedPolicy policy =
        new ManagedPolicy(
            entry.arn(partition),
            entry.policyName(),
            entry.path(),
            entry.policyId(),
            null,
            entry.createDate(),
            true);
    policy.setUpdateDate(entry.updateDate());
    policy
        .versions()
        .put(
            entry.defaultVersionId(),
            new ManagedPolicy.PolicyVersion(
                entry.defaultVersionId(), entry.document(partition), entry.updateDate()));
    policy.setDefaultVersionId(entry.defaultVersionId());
    return policy;
  }

  private static String nameOf(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}
