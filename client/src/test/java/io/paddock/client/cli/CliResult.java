package io.paddock.client.cli;

import java.util.regex.Pattern;

/**
 * What one shell run printed and returned.
 *
 * @param exitCode the exit code
 * @param out stdout
 * @param err stderr
 */
record CliResult(int exitCode, String out, String err) {
  /** The lines both shells print first: the banner and the connection event. */
  static String banner(String server) {
    return "Connecting to " + server + "\n\nWATCHER::\n\n" + CONNECTED_EVENT + "\n";
  }

  static final String CONNECTED_EVENT =
      "WatchedEvent state:SyncConnected type:None path:null zxid: -1";

  private static final Pattern CONNECTED_BLOCK =
      Pattern.compile("\nWATCHER::\n\n" + Pattern.quote(CONNECTED_EVENT) + "\n");
  private static final Pattern LOG_LINE =
      Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*\n");

  /**
   * stdout without the "Connecting to" line and the connection event, which zkCli's event thread
   * may print anywhere among the command's own lines.
   */
  String commandOut() {
    String text = out.replaceFirst("^Connecting to [^\n]*\n", "");
    return CONNECTED_BLOCK.matcher(text).replaceFirst("");
  }

  /** stderr without log lines. */
  String commandErr() {
    return LOG_LINE.matcher(err).replaceAll("");
  }

  /** The command's own output and the exit code, for comparing two shells. */
  String comparable() {
    return "exit " + exitCode + "\n--- out\n" + commandOut() + "--- err\n" + commandErr();
  }
}
