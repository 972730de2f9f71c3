package io.paddock.client.cli;

/**
 * A command failed: the message is what the shell prints on stderr, the exit code what a one-shot
 * run returns (zkCli's {@code CliException}: 1 by default, 127 for an unknown command).
 */
final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The exit code of a failed command. */
  static final int EXIT_FAILED = 1;

  /** The exit code of an unknown command, as a shell's. */
  static final int EXIT_NOT_FOUND = 127;

  private final int exitCode;

  CliException(String message) {
    this(message, EXIT_FAILED);
  }

  CliException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
