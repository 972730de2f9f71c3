package io.paddock.store.log;

/**
 * The txn log hit a disk error while writing and refuses every further write.
 *
 * <p>Unchecked, as it reports a state of the log rather than a new I/O problem: the first error was
 * already thrown as an {@link java.io.IOException} and is kept as the cause. The server must step
 * down and restart (ZOOKEEPER-2247) rather than limp on; reopening the log recovers every entry up
 * to {@link TxnLog#lastDurableZxid()}.
 */
public final class LogFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was refused
   * @param cause the error that failed the log
   */
  public LogFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
