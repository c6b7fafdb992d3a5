package io.iamlocal.server.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The delegation requests an account created or received, by ID in ID order. Guarded by the account
 * lock.
 */
public final class DelegationRequests {
  private final Map<String, DelegationRequest> byId = new TreeMap<>();

  public static DelegationRequests of(AccountState account) {
    return account.extension(DelegationRequests.class, a -> new DelegationRequests());
  }

  public DelegationRequest get(String id) {
    return byId.get(id);
  }

  public void put(DelegationRequest request) {
    byId.put(request.id(), request);
  }

  public List<DelegationRequest> all() {
    return new ArrayList<>(byId.values());
  }

  /** The request whose ARN this is, or null. */
  public DelegationRequest byArn(String arn) {
    int slash = arn.lastIndexOf('/');
    DelegationRequest request = slash < 0 ? null : byId.get(arn.substring(slash + 1));
    return request != null && request.arn().equals(arn) ? request : null;
  }
}
