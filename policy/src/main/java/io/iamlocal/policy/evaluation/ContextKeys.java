package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.ConditionEntry;
import io.iamlocal.policy.document.ConditionOperator;
import io.iamlocal.policy.document.PolicyDocument;
import io.iamlocal.policy.document.PolicyVariables;
import io.iamlocal.policy.document.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The context keys a policy refers to, for GetContextKeysForCustomPolicy /
 * GetContextKeysForPrincipalPolicy: condition keys and the keys of policy variables (in
 * Resource/NotResource and in condition values of operators that substitute variables), in document
 * order, spelled as first written, and de-duplicated without regard to case (key names are
 * case-insensitive).
 */
public final class ContextKeys {

  private ContextKeys() {}

  public static List<String> collect(PolicyDocument document) {
    return collect(List.of(document));
  }

  public static List<String> collect(List<PolicyDocument> documents) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (PolicyDocument doc : documents) {
      boolean variables = doc.supportsVariables();
      for (Statement s : doc.statements()) {
        if (variables && s.resources() != null) {
          for (String r : s.resources()) {
            PolicyVariables.variableKeys(r).forEach(k -> add(keys, k));
          }
        }
        for (ConditionEntry c : s.conditions()) {
          add(keys, c.key());
          ConditionOperator op = ConditionOperator.parse(c.operator());
          if (variables && op != null && op.base().supportsVariables()) {
            for (String v : c.values()) {
              PolicyVariables.variableKeys(v).forEach(k -> add(keys, k));
            }
          }
        }
      }
    }
    return List.copyOf(keys.values());
  }

  private static void add(Map<String, String> keys, String key) {
    keys.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
  }
}
