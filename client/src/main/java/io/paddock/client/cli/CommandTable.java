package io.paddock.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shell's commands by name, and the usage text that lists them (zkCli's commandMap). */
final class CommandTable {
  private final Map<String, Command> commands = new TreeMap<>();

  /** Adds a server command: it needs a live session. */
  void add(String name, String syntax, String options, Command.Action action) {
    put(new Command(name, syntax, options, true, action));
  }

  /** Adds a shell command that works without a session. */
  void addLocal(String name, String syntax, String options, Command.Action action) {
    put(new Command(name, syntax, options, false, action));
  }

  private void put(Command command) {
    if (commands.putIfAbsent(command.name(), command) != null) {
      throw new IllegalStateException("command added twice: " + command.name());
    }
  }

  /** The command of that name, or null. */
  Command get(String name) {
    return commands.get(name);
  }

  /**
   * The usage text: the invocation line, then one tab-indented line per command sorted by name, as
   * zkCli's usage prints it.
   */
  String usage() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "paddock cli -server host:port[,host:port...][/chroot] [-timeout ms] [-r]"
            + " [-waitforconnection] cmd args");
    for (Command command : commands.values()) {
      lines.add("\t" + command.usage());
    }
    return String.join(System.lineSeparator(), lines);
  }
}
