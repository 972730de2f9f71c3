package io.paddock.bench.compare;

/** A server or ensemble did not start; the message is the first log line of the cause. */
public final class ServerStartException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The failure with {@code cause}, the log line that says why. */
  public ServerStartException(String cause) {
    super(cause);
  }

  /** The table cell text: {@code failed to start: <cause>}. */
  public String cellText() {
    return "failed to start: " + getMessage();
  }
}
