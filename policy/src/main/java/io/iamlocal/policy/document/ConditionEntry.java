package io.iamlocal.policy.document;

import java.util.List;

/**
 * One {@code operator: {key: values}} test from a {@code Condition} block, with operator and key as
 * written. Numbers and booleans in the JSON are kept as their literal text ({@code 10}, {@code
 * true}).
 */
public record ConditionEntry(String operator, String key, List<String> values) {

  public ConditionEntry {
    values = List.copyOf(values);
  }
}
