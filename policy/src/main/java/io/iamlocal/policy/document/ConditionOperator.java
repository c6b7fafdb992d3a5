package io.iamlocal.policy.document;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A parsed condition operator such as {@code ForAnyValue:StringLikeIfExists}: base operator,
 * optional set qualifier and optional {@code IfExists} suffix. See
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 */
public record ConditionOperator(String text, Base base, SetQualifier qualifier, boolean ifExists) {

  /** The {@code ForAllValues:} / {@code ForAnyValue:} prefix, if any. */
  public enum SetQualifier {
    NONE,
    FOR_ALL_VALUES,
    FOR_ANY_VALUE
  }

  /** The family of an operator, which decides how values are compared. */
  public enum Category {
    STRING,
    NUMERIC,
    DATE,
    BOOLEAN,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
  }

  /** The base operators of the policy language. */
  public enum Base {
    STRING_EQUALS("StringEquals", Category.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Category.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Category.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Category.STRING, true),
    STRING_LIKE("StringLike", Category.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Category.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Category.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Category.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Category.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Category.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Category.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Category.NUMERIC, false),
    DATE_EQUALS("DateEquals", Category.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Category.DATE, true),
    DATE_LESS_THAN("DateLessThan", Category.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Category.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Category.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Category.DATE, false),
    BOOL("Bool", Category.BOOLEAN, false),
    BINARY_EQUALS("BinaryEquals", Category.BINARY, false),
    IP_ADDRESS("IpAddress", Category.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", Category.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", Category.ARN, false),
    ARN_LIKE("ArnLike", Category.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Category.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Category.ARN, true),
    NULL("Null", Category.NULL, false);

    private final String awsName;
    private final Category category;
    private final boolean negated;

    Base(String awsName, Category category, boolean negated) {
      this.awsName = awsName;
      this.category = category;
      this.negated = negated;
    }

    public String awsName() {
      return awsName;
    }

    public Category category() {
      return category;
    }

    /**
     * Negated operators ({@code StringNotEquals}, {@code NotIpAddress}...) are true when the key is
     * absent.
     */
    public boolean negated() {
      return negated;
    }

    /**
     * Variables are substituted only for string, ARN and Bool operators; elsewhere {@code ${...}}
     * is literal.
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
     */
    public boolean supportsVariables() {
      return category == Category.STRING
          || category == Category.ARN
          || category == Category.BOOLEAN;
    }
  }

  private static final Map<String, Base> BY_NAME =
      Stream.of(Base.values())
          .collect(
              Collectors.toUnmodifiableMap(
                  b -> b.awsName.toLowerCase(Locale.ROOT), Function.identity()));
  private static final String FOR_ALL = "forallvalues:";
  private static final String FOR_ANY = "foranyvalue:";
  private static final String IF_EXISTS = "ifexists";

  /**
   * Parses an operator name, or returns null when it is not one. Names are matched without regard
   * to case (lenient: AWS documents them in one spelling only). {@code NullIfExists} is rejected,
   * as documented.
   */
  public static ConditionOperator parse(String text) {
    if (text == null) {
      return null;
    }
    String rest = text.toLowerCase(Locale.ROOT);
    SetQualifier qualifier = SetQualifier.NONE;
    if (rest.startsWith(FOR_ALL)) {
      qualifier = SetQualifier.FOR_ALL_VALUES;
      rest = rest.substring(FOR_ALL.length());
    } else if (rest.startsWith(FOR_ANY)) {
      qualifier = SetQualifier.FOR_ANY_VALUE;
      rest = rest.substring(FOR_ANY.length());
    }
    Base base = BY_NAME.get(rest);
    boolean ifExists = false;
    if (base == null && rest.endsWith(IF_EXISTS)) {
      base = BY_NAME.get(rest.substring(0, rest.length() - IF_EXISTS.length()));
      ifExists = true;
      if (base == Base.NULL) {
        return null;
      }
    }
    return base == null ? null : new ConditionOperator(text, base, qualifier, ifExists);
  }
}
