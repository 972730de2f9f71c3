package io.paddock.recipes.internal;

/** The framework's limits and defaults, in one place. */
public final class FrameworkLimits {
  /** Default session timeout asked of the server. */
  public static final int SESSION_TIMEOUT_MS_DEFAULT = 60_000;

  /** Default time a request waits for a connection before failing with ConnectionLoss. */
  public static final int CONNECTION_TIMEOUT_MS_DEFAULT = 15_000;

  /** How many times a create re-creates missing parents before it gives up. */
  public static final int PARENT_CREATE_ATTEMPTS_MAX = 5;

  /** How many times a recursive delete re-lists children that appeared meanwhile. */
  public static final int DELETE_CHILDREN_ATTEMPTS_MAX = 5;

  /** The most deletes the guaranteed-delete manager keeps pending at once. */
  public static final int PENDING_DELETES_MAX = 100_000;

  /** First delay before a background delete is tried again. */
  public static final long BACKGROUND_RETRY_DELAY_MS_MIN = 50;

  /** Longest delay between two tries of a background delete. */
  public static final long BACKGROUND_RETRY_DELAY_MS_MAX = 5_000;

  /** How long close waits for the framework's own threads to finish their work. */
  public static final long CLOSE_WAIT_MS_MAX = 5_000;

  /** The prefix of a protected node's name: {@code _c_}, a UUID, then {@code -}. */
  public static final String PROTECTED_PREFIX = "_c_";

  /** Length of a protected prefix: {@code _c_} + 36-character UUID + {@code -}. */
  public static final int PROTECTED_PREFIX_LENGTH = PROTECTED_PREFIX.length() + 36 + 1;

  private FrameworkLimits() {}
}
