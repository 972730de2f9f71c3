package io.paddock.client.cli;

import io.paddock.client.PaddockException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/paddock cli}: a shell for Paddock and Apache ZooKeeper in the manner of zkCli.sh
 * (ZooKeeperMain 3.9), on Paddock's raw client.
 *
 * <pre>
 * paddock cli [-server host:port[,host:port...][/chroot]] [-timeout ms] [-r] [-waitforconnection]
 *             [command args...]
 * </pre>
 *
 * <p>With a command it runs that one command and exits: 0 on success, 1 when the command failed,
 * 127 for an unknown command, 2 for bad shell options. Without one it reads commands from stdin,
 * one a line, showing zkCli's prompt ({@code [zk: localhost:2181(CONNECTED) 0] }), and on quit or
 * end of input exits with the code of the last command, as zkCli does. Commands, options, output,
 * watch-event lines and error messages are zkCli's; {@code help} lists them.
 *
 * <p>Departures from zkCli, each deliberate:
 *
 * <ul>
 *   <li>It waits (at most the timeout) for the first connection before running anything, so the
 *       connection event always comes first and the prompt shows the settled state. With {@code
 *       -waitforconnection}, not connecting in time exits with 1.
 *   <li>At the end it closes its session, so ephemeral nodes go at once rather than at expiry.
 *   <li>{@code help} prints the usage on stdout and succeeds; an unknown command prints it on
 *       stderr and {@code Command not found: x} (zkCli repeats its words there). No jline: plain
 *       lines, with the prompt; the greeting is {@code Welcome to Paddock!}. A line of blanks is no
 *       command (zkCli takes it for an unknown one).
 *   <li>{@code setAcl -R} ends each failure it reports with a line break.
 *   <li>Malformed numbers ({@code -v abc}) and base64 are reported, where zkCli dies with a stack
 *       trace; {@code removewatches -l} is accepted without effect; {@code config}, {@code
 *       reconfig}, the quota commands and {@code version} are not offered.
 *   <li>Logging is off unless {@code slf4j.provider} or {@code logback.configurationFile} is set.
 * </ul>
 *
 * <p>For tests and embedding, {@link #run(String...)} does all but exit: streams come from the
 * constructor and the exit code is returned.
 */
public final class PaddockCli {
  /** History lines {@code history} shows (zkCli's). */
  static final int HISTORY_SHOWN = 10;

  /** Exit code of bad shell options (ZooKeeper's ExitCode.INVALID_INVOCATION). */
  static final int EXIT_INVALID_INVOCATION = 2;

  private final InputStream in;
  private final Printer printer;
  private final CommandTable table = new CommandTable();
  private final Map<Integer, String> history = new HashMap<>();
  private CliSession session;
  private int commandCount;
  private boolean quit;

  /**
   * A shell on these streams.
   *
   * @param in the commands of an interactive run
   * @param out output, prompt and watch events
   * @param err messages and errors
   */
  public PaddockCli(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.printer = new Printer(out, err);
    NodeCommands.addTo(table);
    ReadCommands.addTo(table);
    AclCommands.addTo(table);
    WatchCommands.addTo(table);
    addShellCommands();
  }

  /** Runs the shell on the process's streams and exits with its code. */
  public static void main(String[] args) {
    if (System.getProperty("slf4j.provider") == null
        && System.getProperty("logback.configurationFile") == null) {
      // the runtime class path has logback without a configuration: DEBUG lines on stdout
      System.setProperty("slf4j.internal.verbosity", "WARN");
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    }
    System.exit(new PaddockCli(System.in, System.out, System.err).run(args));
  }

  /**
   * Runs the shell: one command when {@code args} name one, else the interactive loop.
   *
   * @return the exit code
   */
  public int run(String... args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (CliException e) {
      printer.err(e.getMessage());
      printer.err(table.usage());
      return e.exitCode();
    }
    if (options.clientConfiguration() != null) {
      printer.err("-client-configuration is not supported; ignored");
    }
    session = new CliSession(printer, options.timeoutMs(), options.readOnly());
    try {
      printer.out("Connecting to " + options.server());
      boolean connected = session.connect(options.server());
      if (!connected && options.waitForConnection()) {
        printer.err("KeeperErrorCode = ConnectionLoss (not connected within the timeout)");
        return CliException.EXIT_FAILED;
      }
      return options.command().isEmpty() ? interactive() : execute(options.command());
    } catch (IllegalArgumentException e) {
      printer.err(e.getMessage()); // a malformed connect string
      return EXIT_INVALID_INVOCATION;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CliException.EXIT_FAILED;
    } finally {
      session.closeQuietly();
    }
  }

  private int interactive() {
    printer.out("Welcome to Paddock!");
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int exitCode = 0;
    while (!quit) {
      printer.prompt(prompt());
      String line;
      try {
        line = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (line == null) {
        break;
      }
      List<String> words = ParsedArgs.split(line);
      if (!words.isEmpty()) {
        history.put(commandCount, line);
        int code = execute(words);
        if (!quit) {
          exitCode = code; // quit exits with the code of the command before it, as zkCli's
        }
        commandCount++;
      }
    }
    return exitCode;
  }

  /** zkCli's prompt: {@code [zk: host(STATE) n] }. */
  String prompt() {
    return "[zk: " + session.host() + "(" + session.stateName() + ") " + commandCount + "] ";
  }

  /** Runs one command, printing its failure; returns its exit code. */
  private int execute(List<String> words) {
    try {
      dispatch(words);
      return 0;
    } catch (CliException e) {
      printer.err(e.getMessage());
      return e.exitCode();
    } catch (PaddockException e) {
      printer.err(Formats.error(e));
      return CliException.EXIT_FAILED;
    } catch (IllegalArgumentException | IllegalStateException e) {
      printer.err(e.getMessage());
      return CliException.EXIT_FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      printer.err("Interrupted");
      return CliException.EXIT_FAILED;
    }
  }

  private void dispatch(List<String> words)
      throws CliException, PaddockException, InterruptedException {
    Command command = table.get(words.get(0));
    if (command == null) {
      printer.err(table.usage());
      throw new CliException("Command not found: " + words.get(0), CliException.EXIT_NOT_FOUND);
    }
    if (command.needsSession() && !session.isAlive()) {
      printer.out("Not connected");
      return;
    }
    command.action().run(session, ParsedArgs.parse(words, command.options()));
  }

  private void addShellCommands() {
    table.addLocal("connect", "host:port", "", this::connect);
    table.add("close", "", "", (s, args) -> s.close());
    table.addLocal("quit", "", "", this::quit);
    table.addLocal("history", "", "", this::history);
    table.addLocal("redo", "cmdno", "", this::redo);
    table.addLocal("printwatches", "on|off", "", this::printWatches);
    table.addLocal("help", "", "", (s, args) -> printer.out(table.usage()));
  }

  private void connect(CliSession s, ParsedArgs args) throws InterruptedException {
    s.connect(args.count() >= 2 ? args.arg(1) : s.host());
  }

  private void quit(CliSession s, ParsedArgs args) {
    s.close();
    quit = true;
  }

  private void history(CliSession s, ParsedArgs args) {
    StringBuilder text = new StringBuilder();
    for (int i = Math.max(0, commandCount - HISTORY_SHOWN); i <= commandCount; i++) {
      if (history.containsKey(i)) {
        text.append(text.length() == 0 ? "" : System.lineSeparator());
        text.append(i).append(" - ").append(history.get(i));
      }
    }
    if (text.length() > 0) {
      printer.out(text.toString());
    }
  }

  private void redo(CliSession s, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      return; // zkCli does nothing either
    }
    int index;
    try {
      index = Integer.decode(args.arg(1));
    } catch (NumberFormatException e) {
      throw new CliException("Command index out of range");
    }
    if (index < 0 || index >= commandCount) {
      throw new CliException("Command index out of range"); // the redo itself is at commandCount
    }
    String line = history.get(index);
    List<String> words = ParsedArgs.split(line);
    if (words.get(0).equals("redo")) {
      throw new CliException("No redoing redos");
    }
    history.put(commandCount, line);
    dispatch(words);
  }

  private void printWatches(CliSession s, ParsedArgs args) {
    if (args.count() == 1) {
      printer.out("printwatches is " + (s.printWatches() ? "on" : "off"));
    } else {
      s.printWatches(args.arg(1).equals("on"));
    }
  }
}
