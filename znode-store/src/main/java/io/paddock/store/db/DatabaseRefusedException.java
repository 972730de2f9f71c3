package io.paddock.store.db;

import java.io.IOException;

/**
 * The data on disk cannot be trusted to start from, and starting anyway could lose acknowledged
 * writes: no snapshot but log entries (ZOOKEEPER-2325), no valid snapshot at all, or a gap between
 * the snapshot and the log. The message says what was found and where.
 */
public final class DatabaseRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the files involved. */
  public DatabaseRefusedException(String message) {
    super(message);
  }

  /** An exception with a message and the failure that led to it. */
  public DatabaseRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
