package io.paddock.store.log;

import io.paddock.store.io.CorruptFileException;

/**
 * The txn log holds damage that cannot be a torn tail: a bad batch or segment header with valid
 * data after it, or zxids out of order. The log refuses to open rather than skip data; an operator
 * must restore the server from its peers.
 *
 * <p>{@link #file()} and {@link #offset()} name where the damage starts.
 */
public final class LogCorruptedException extends CorruptFileException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param file the segment file, as its directory describes it
   * @param offset the byte offset where the damage starts
   * @param reason what is wrong there
   */
  public LogCorruptedException(String file, long offset, String reason) {
    super("txn log corrupted in", file, offset, reason);
  }
}
