package io.iamlocal.server.iam;

import io.iamlocal.server.state.NamedStore;
import java.util.Collection;
import java.util.function.Function;

/**
 * Puts a relation (a group's members, a user's groups, a role's instance profiles) in name order,
 * so that its pages resume by name like the account-wide lists and stay correct when the relation
 * changes between pages.
 */
final class NameOrder {
  private NameOrder() {}

  static <E> NamedStore<E> of(Collection<E> entities, Function<E, String> nameOf) {
    NamedStore<E> sorted = new NamedStore<>(nameOf);
    entities.forEach(sorted::put);
    return sorted;
  }
}
