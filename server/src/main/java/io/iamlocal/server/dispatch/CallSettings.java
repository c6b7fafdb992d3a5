package io.iamlocal.server.dispatch;

import io.iamlocal.server.authz.EnforcementMode;

/**
 * The server settings a call runs under: its enforcement mode ({@code --enforce}) and how many
 * denials the denial log keeps ({@code --denial-log-size}). They travel with each call ({@link
 * OperationCall#settings()}), never in account state, so a journalled call replays exactly as it
 * ran live and a reset cannot lose them.
 */
public record CallSettings(EnforcementMode enforcement, int denialLogSize) {
  /** Denials kept unless {@code --denial-log-size} says otherwise. */
  public static final int DEFAULT_DENIAL_LOG_SIZE = 1000;

  /**
   * Strict enforcement and the default denial log: calls made by the server itself (seed files,
   * console simulations, replay).
   */
  public static final CallSettings DEFAULTS =
      new CallSettings(EnforcementMode.STRICT, DEFAULT_DENIAL_LOG_SIZE);

  /**
   * The defaults under {@code enforcement} (a journalled call replays under the mode it ran with).
   */
  public static CallSettings of(EnforcementMode enforcement) {
    return new CallSettings(enforcement, DEFAULT_DENIAL_LOG_SIZE);
  }
}
