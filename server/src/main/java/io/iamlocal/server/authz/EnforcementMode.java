package io.iamlocal.server.authz;

import java.util.Locale;

/**
 * How policies are applied ({@code --enforce}): {@link #STRICT} refuses what they deny, {@link
 * #SOFT} evaluates every request and logs what would have been denied but lets it through, {@link
 * #OFF} evaluates nothing (moto's and LocalStack's default).
 */
public enum EnforcementMode {
  STRICT,
  SOFT,
  OFF;

  /** Whether requests are evaluated at all (strict and soft). */
  public boolean evaluates() {
    return this != OFF;
  }

  /** The lower-case name used by {@code --enforce} and in denial log lines. */
  public String flag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads {@code strict}, {@code soft} or {@code off} (any case). */
  public static EnforcementMode parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--enforce must be strict, soft or off, not '" + value + "'");
    }
  }
}
