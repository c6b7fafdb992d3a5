package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.ConditionEntry;
import io.iamlocal.policy.document.ConditionOperator;
import io.iamlocal.policy.document.ConditionOperator.Base;
import io.iamlocal.policy.document.ConditionOperator.SetQualifier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One compiled {@code operator: {key: values}} test. Policy values are parsed once here; request
 * values are parsed when evaluated.
 *
 * <p>Semantics
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * and the multivalued context keys page): several policy values are OR'ed; a negated operator is
 * true when no request value matches any policy value. A missing key makes the test false, except:
 * {@code ...IfExists} is true, {@code ForAllValues:} is true, {@code ForAnyValue:} is false, and a
 * negated operator without a qualifier is true. {@code ForAllValues:} needs every request value to
 * pass, {@code ForAnyValue:} one. A key with an empty value list counts as missing.
 */
final class CompiledCondition {

  private static final int NO = 0;
  private static final int YES = 1;

  private final String key;

  /** {@link #key} folded once for the case-insensitive context lookup. */
  private final String foldedKey;

  private final ConditionOperator operator;
  private final Base base;
  private final ValueTemplate[] templates;
  private final Glob[] globs;
  private final ResourcePattern[] arns;
  private final BigDecimal[] numbers;
  private final long[] dates;
  private final IpRange[] ranges;
  private final byte[][] binaries;
  private final boolean dynamic;

  private CompiledCondition(
      ConditionEntry entry, ConditionOperator operator, boolean variablesAllowed) {
    this.key = entry.key();
    this.foldedKey = LazyContextKeys.fold(key);
    this.operator = operator;
    this.base = operator.base();
    List<String> values = entry.values();
    int n = values.size();
    boolean variables = variablesAllowed && base.supportsVariables();
    ValueTemplate[] t = null;
    Glob[] g = null;
    ResourcePattern[] a = null;
    BigDecimal[] num = null;
    long[] d = null;
    IpRange[] ip = null;
    byte[][] bin = null;
    boolean dyn = false;
    switch (base.category()) {
      case STRING:
      case BOOLEAN:
        t = new ValueTemplate[n];
        g = new Glob[n];
        for (int i = 0; i < n; i++) {
          t[i] = ValueTemplate.of(values.get(i), variables);
          dyn |= !t[i].isStatic();
          if (t[i].isStatic() && isLike()) {
            g[i] = Glob.of(values.get(i), false);
          }
        }
        break;
      case ARN:
        a = new ResourcePattern[n];
        for (int i = 0; i < n; i++) {
          a[i] = ResourcePattern.compile(values.get(i), variables);
        }
        break;
      case NUMERIC:
        num = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
          num[i] = number(values.get(i));
        }
        break;
      case DATE:
        d = new long[n];
        for (int i = 0; i < n; i++) {
          d[i] = DateValues.parse(values.get(i));
        }
        break;
      case IP_ADDRESS:
        ip = new IpRange[n];
        for (int i = 0; i < n; i++) {
          ip[i] = IpRange.parse(values.get(i));
        }
        break;
      case BINARY:
        bin = new byte[n][];
        for (int i = 0; i < n; i++) {
          bin[i] = base64(values.get(i));
        }
        break;
      default:
        t = new ValueTemplate[n];
        for (int i = 0; i < n; i++) {
          t[i] = ValueTemplate.of(values.get(i), false);
        }
        break;
    }
    this.templates = t;
    this.globs = g;
    this.arns = a;
    this.numbers = num;
    this.dates = d;
    this.ranges = ip;
    this.binaries = bin;
    this.dynamic = dyn;
  }

  /**
   * Compiles an entry, or returns null when the operator is unknown (the statement then never
   * applies).
   */
  static CompiledCondition compile(ConditionEntry entry, boolean variables) {
    ConditionOperator op = ConditionOperator.parse(entry.operator());
    return op == null ? null : new CompiledCondition(entry, op, variables);
  }

  String key() {
    return key;
  }

  boolean evaluate(EvalState state) {
    List<String> values = state.request().valuesFolded(foldedKey);
    if (base == Base.NULL) {
      return evaluateNull(values != null);
    }
    if (values == null) {
      state.missing(key);
      if (operator.ifExists() || operator.qualifier() == SetQualifier.FOR_ALL_VALUES) {
        return true;
      }
      return operator.qualifier() == SetQualifier.NONE && base.negated();
    }
    Object[] resolved = null;
    if (dynamic) {
      // A variable without a value is "effectively null": it equals nothing, so positive operators
      // do not
      // match it and "inverted condition operators like StringNotEquals or StringNotLike do match
      // against a
      // null value" (reference_policies_variables.html, "Policy variables with no value").
      resolved = resolve(state);
    }
    SetQualifier q = operator.qualifier();
    boolean negated = base.negated();
    boolean anyMode = q == SetQualifier.FOR_ANY_VALUE || (q == SetQualifier.NONE && !negated);
    for (String v : values) {
      boolean passes = (matchesAny(v, resolved, state) == YES) != negated;
      if (anyMode && passes) {
        return true;
      }
      if (!anyMode && !passes) {
        return false;
      }
    }
    return !anyMode;
  }

  private boolean evaluateNull(boolean present) {
    for (ValueTemplate t : templates) {
      String v = t.raw();
      if (("true".equalsIgnoreCase(v) && !present) || ("false".equalsIgnoreCase(v) && present)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one request value matches at least one policy value under the positive form of the
   * operator: {@link #YES} or {@link #NO} (a value whose variable has no value matches nothing).
   */
  private int matchesAny(String value, Object[] resolved, EvalState state) {
    switch (base.category()) {
      case STRING:
      case BOOLEAN:
        return stringMatch(value, resolved) ? YES : NO;
      case ARN:
        {
          for (ResourcePattern p : arns) {
            if (p.match(value, state) == ResourcePattern.MATCH) {
              return YES;
            }
          }
          return NO;
        }
      case NUMERIC:
        return numericMatch(value) ? YES : NO;
      case DATE:
        return dateMatch(value) ? YES : NO;
      case IP_ADDRESS:
        return ipMatch(value, state) ? YES : NO;
      case BINARY:
        return binaryMatch(value) ? YES : NO;
      default:
        return NO;
    }
  }

  private boolean ipMatch(String value, EvalState state) {
    byte[] address = state.ipAddress(value);
    if (address == null) {
      return false;
    }
    for (IpRange r : ranges) {
      if (r != null && r.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private boolean binaryMatch(String value) {
    byte[] bytes = base64(value);
    if (bytes == null) {
      return false;
    }
    for (byte[] b : binaries) {
      if (b != null && Arrays.equals(b, bytes)) {
        return true;
      }
    }
    return false;
  }

  private boolean stringMatch(String value, Object[] resolved) {
    for (int i = 0; i < templates.length; i++) {
      Object p = resolved != null ? resolved[i] : null;
      if (resolved != null && p == null) {
        continue;
      }
      switch (base) {
        case STRING_EQUALS:
        case STRING_NOT_EQUALS:
          if (value.equals(p != null ? p : templates[i].raw())) {
            return true;
          }
          break;
        case STRING_EQUALS_IGNORE_CASE:
        case STRING_NOT_EQUALS_IGNORE_CASE:
        case BOOL:
          if (value.equalsIgnoreCase((String) (p != null ? p : templates[i].raw()))) {
            return true;
          }
          break;
        default:
          if (((Glob) (p != null ? p : globs[i])).matches(value)) {
            return true;
          }
          break;
      }
    }
    return false;
  }

  private boolean numericMatch(String value) {
    BigDecimal v = number(value);
    if (v == null) {
      return false;
    }
    for (BigDecimal p : numbers) {
      if (p != null && compare(v.compareTo(p))) {
        return true;
      }
    }
    return false;
  }

  private boolean dateMatch(String value) {
    long v = DateValues.parse(value);
    if (v == DateValues.INVALID) {
      return false;
    }
    for (long p : dates) {
      if (p != DateValues.INVALID && compare(Long.compare(v, p))) {
        return true;
      }
    }
    return false;
  }

  /** Applies the operator's ordering test to {@code cmp = request.compareTo(policy)}. */
  private boolean compare(int cmp) {
    switch (base) {
      case NUMERIC_LESS_THAN:
      case DATE_LESS_THAN:
        return cmp < 0;
      case NUMERIC_LESS_THAN_EQUALS:
      case DATE_LESS_THAN_EQUALS:
        return cmp <= 0;
      case NUMERIC_GREATER_THAN:
      case DATE_GREATER_THAN:
        return cmp > 0;
      case NUMERIC_GREATER_THAN_EQUALS:
      case DATE_GREATER_THAN_EQUALS:
        return cmp >= 0;
      default:
        return cmp == 0;
    }
  }

  /**
   * Resolves variable-bearing values (String, or Glob for StringLike); unresolvable entries are
   * null.
   */
  private Object[] resolve(EvalState state) {
    Object[] out = new Object[templates.length];
    for (int i = 0; i < templates.length; i++) {
      if (isLike()) {
        GlobBuilder b = new GlobBuilder();
        out[i] = templates[i].appendTo(b, true, state) ? b.build(false) : null;
      } else {
        out[i] = templates[i].resolve(state);
      }
    }
    return out;
  }

  private boolean isLike() {
    return base == Base.STRING_LIKE || base == Base.STRING_NOT_LIKE;
  }

  private static BigDecimal number(String s) {
    try {
      return new BigDecimal(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static byte[] base64(String s) {
    try {
      return Base64.getDecoder().decode(s.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
