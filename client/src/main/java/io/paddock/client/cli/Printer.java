package io.paddock.client.cli;

import io.paddock.store.model.Stat;
import java.io.PrintStream;

/**
 * The shell's two output streams. Commands print from the shell's thread and watch events from the
 * client's event thread; every call here writes its whole text under one lock, so the two never
 * interleave within a line or a block.
 */
final class Printer {
  private final PrintStream out;
  private final PrintStream err;

  Printer(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** A line (or block) on stdout. */
  void out(String text) {
    synchronized (this) {
      out.println(text);
      out.flush();
    }
  }

  /** A line (or block) on stderr. */
  void err(String text) {
    synchronized (this) {
      err.println(text);
      err.flush();
    }
  }

  /** Text on stdout without a line break (the prompt). */
  void prompt(String text) {
    synchronized (this) {
      out.print(text);
      out.flush();
    }
  }

  /** zkCli's stat block on stdout. */
  void stat(Stat stat) {
    out(Formats.stat(stat));
  }

  /**
   * A watch event as zkCli's watcher prints it: each of its two lines preceded by an empty line
   * (ZooKeeperMain.printMessage).
   */
  void event(String eventLine) {
    String nl = System.lineSeparator();
    out(nl + "WATCHER::" + nl + nl + eventLine);
  }
}
