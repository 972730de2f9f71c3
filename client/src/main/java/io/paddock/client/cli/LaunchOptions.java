package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell's own options, before the command (zkCli's parseOptions): {@code -server} (default
 * {@code localhost:2181}), {@code -timeout} in ms (default 30000), {@code -r} (read-only servers
 * allowed), {@code -waitforconnection}; the first word that is not an option starts the command.
 *
 * @param server the connect string
 * @param timeoutMs the session timeout, also the wait for a connection
 * @param readOnly whether a read-only server will do
 * @param waitForConnection whether failing to connect within the timeout is fatal
 * @param clientConfiguration the zkCli {@code -client-configuration} file, accepted but unused
 * @param command the command and its words; empty for the interactive shell
 */
record LaunchOptions(
    String server,
    int timeoutMs,
    boolean readOnly,
    boolean waitForConnection,
    String clientConfiguration,
    List<String> command) {

  static final String SERVER_DEFAULT = "localhost:2181";
  static final int TIMEOUT_MS_DEFAULT = 30_000;

  /**
   * Parses the command line.
   *
   * @throws CliException for an unknown option, a missing value or a bad timeout
   */
  static LaunchOptions parse(String[] args) throws CliException {
    String server = SERVER_DEFAULT;
    int timeoutMs = TIMEOUT_MS_DEFAULT;
    boolean readOnly = false;
    boolean waitForConnection = false;
    String clientConfiguration = null;
    int i = 0;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      String option = args[i];
      switch (option) {
        case "-server" -> server = valueOf(args, ++i, option);
        case "-timeout" -> timeoutMs = timeout(valueOf(args, ++i, option));
        case "-r" -> readOnly = true;
        case "-waitforconnection" -> waitForConnection = true;
        case "-client-configuration" -> clientConfiguration = valueOf(args, ++i, option);
        default -> throw new CliException("Error: unknown option " + option, 2);
      }
    }
    List<String> command = new ArrayList<>();
    for (; i < args.length; i++) {
      command.add(args[i]);
    }
    return new LaunchOptions(
        server, timeoutMs, readOnly, waitForConnection, clientConfiguration, List.copyOf(command));
  }

  private static String valueOf(String[] args, int i, String option) throws CliException {
    if (i >= args.length) {
      throw new CliException("Error: no argument found for option " + option, 2);
    }
    return args[i];
  }

  private static int timeout(String text) throws CliException {
    try {
      int ms = Integer.parseInt(text);
      if (ms > 0) {
        return ms;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CliException("Error: -timeout needs a positive number of ms: " + text, 2);
  }
}
