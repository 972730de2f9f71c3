package io.paddock.client.cli;

import io.paddock.client.PaddockException;

/**
 * One shell command: its name, its syntax as zkCli's usage lists it, the option letters it accepts
 * (see {@link ParsedArgs#parse}), whether it needs a live session, and what it does.
 *
 * @param name the word that calls it
 * @param syntax the options and arguments, as zkCli's usage shows them
 * @param options the option letters; a letter followed by ':' takes a value
 * @param needsSession true when it talks to the server (zkCli then says "Not connected" without a
 *     live session)
 * @param action what it does
 */
record Command(String name, String syntax, String options, boolean needsSession, Action action) {

  /** What a command does with its parsed words. */
  @FunctionalInterface
  interface Action {
    /**
     * Runs the command, printing through the session's printer.
     *
     * @throws CliException for bad usage or a failure with its own message
     * @throws PaddockException for a failed op; the shell prints zkCli's message for its code
     */
    void run(CliSession session, ParsedArgs args)
        throws CliException, PaddockException, InterruptedException;
  }

  /** The usage line: name and syntax. */
  String usage() {
    return name + " " + syntax;
  }

  /** The usage error of this command. */
  CliException usageError() {
    return new CliException(usage());
  }
}
