package io.iamlocal.policy.evaluation;

import io.iamlocal.policy.document.PolicyVariables;
import io.iamlocal.policy.document.PolicyVariables.Escaped;
import io.iamlocal.policy.document.PolicyVariables.Part;
import io.iamlocal.policy.document.PolicyVariables.Text;
import io.iamlocal.policy.document.PolicyVariables.Variable;
import java.util.List;

/**
 * A policy string that may contain policy variables, resolved against a request when evaluated.
 *
 * <p>Per https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html a
 * variable takes the value of the context key of that name (case-insensitive); when the key is
 * absent the default ({@code ${key, 'default'}}) is used, and without a default the variable cannot
 * be resolved and the value matches nothing. Multivalued keys cannot be used as variables.
 * Substituted text is always literal.
 */
final class ValueTemplate {

  private final String raw;
  private final List<Part> parts;

  /**
   * Per part, the variable's context key folded for lookup (null for text parts); null when static.
   */
  private final String[] foldedKeys;

  private final int variableCount;

  private ValueTemplate(String raw, List<Part> parts) {
    this.raw = raw;
    this.parts = parts;
    int count = 0;
    String[] folded = null;
    if (parts != null) {
      folded = new String[parts.size()];
      for (int i = 0; i < folded.length; i++) {
        if (parts.get(i) instanceof Variable v) {
          folded[i] = LazyContextKeys.fold(v.key());
          count++;
        }
      }
    }
    this.foldedKeys = folded;
    this.variableCount = count;
  }

  /**
   * {@code variables} is false for 2008-10-17 documents and for operators that take no variables.
   */
  static ValueTemplate of(String raw, boolean variables) {
    if (!variables || !raw.contains("${")) {
      return new ValueTemplate(raw, null);
    }
    List<Part> parts = PolicyVariables.parse(raw);
    boolean plain = parts.size() == 1 && parts.get(0) instanceof Text;
    return new ValueTemplate(raw, plain ? null : parts);
  }

  boolean isStatic() {
    return parts == null;
  }

  String raw() {
    return raw;
  }

  /** The value with variables substituted, or null when a variable cannot be resolved. */
  String resolve(EvalState state) {
    if (parts == null) {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length() + 16);
    for (int i = 0, n = parts.size(); i < n; i++) {
      Part part = parts.get(i);
      if (part instanceof Text t) {
        sb.append(t.value());
      } else if (part instanceof Escaped e) {
        sb.append(e.value());
      } else {
        String value = variable((Variable) part, foldedKeys[i], state);
        if (value == null) {
          return null;
        }
        sb.append(value);
      }
    }
    return sb.toString();
  }

  /**
   * Appends the value to {@code builder} with {@code *}/{@code ?} of the written text as wildcards
   * (when {@code wildcards}) and escapes and substituted values literal. Returns false when
   * unresolvable.
   */
  boolean appendTo(GlobBuilder builder, boolean wildcards, EvalState state) {
    if (parts == null) {
      append(builder, raw, wildcards);
      return true;
    }
    for (int i = 0, n = parts.size(); i < n; i++) {
      Part part = parts.get(i);
      if (part instanceof Text t) {
        append(builder, t.value(), wildcards);
      } else if (part instanceof Escaped e) {
        builder.appendLiteral(String.valueOf(e.value()));
      } else {
        String value = variable((Variable) part, foldedKeys[i], state);
        if (value == null) {
          return false;
        }
        builder.appendLiteral(value);
      }
    }
    return true;
  }

  /**
   * What the variables resolve to, as one string that differs whenever the substituted value would
   * (the value itself for a single variable, else the values length-prefixed), or null when a
   * variable cannot be resolved. Lets callers cache what they build from the substituted value.
   */
  String resolutionKey(EvalState state) {
    if (parts == null) {
      return raw;
    }
    StringBuilder sb = variableCount == 1 ? null : new StringBuilder();
    for (int i = 0, n = parts.size(); i < n; i++) {
      if (foldedKeys[i] == null) {
        continue;
      }
      String value = variable((Variable) parts.get(i), foldedKeys[i], state);
      if (value == null) {
        return null;
      }
      if (sb == null) {
        return value;
      }
      sb.append(value.length()).append(':').append(value);
    }
    return sb.toString();
  }

  private static void append(GlobBuilder builder, String text, boolean wildcards) {
    if (wildcards) {
      builder.appendPattern(text);
    } else {
      builder.appendPlain(text);
    }
  }

  private static String variable(Variable variable, String foldedKey, EvalState state) {
    List<String> values = state.request().valuesFolded(foldedKey);
    if (values == null) {
      if (variable.defaultValue() != null) {
        return variable.defaultValue();
      }
      state.missing(variable.key());
      return null;
    }
    return values.size() == 1 ? values.get(0) : null;
  }
}
