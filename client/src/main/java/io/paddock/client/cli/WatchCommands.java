package io.paddock.client.cli;

import io.paddock.client.PaddockException;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.WatcherType;
import java.util.Locale;

/** The commands about watches: addWatch, removewatches. */
final class WatchCommands {
  static final String ADD_WATCH_SYNTAX =
      "[-m mode] path # optional mode is one of [PERSISTENT, PERSISTENT_RECURSIVE]"
          + " - default is PERSISTENT_RECURSIVE";

  private WatchCommands() {}

  static void addTo(CommandTable table) {
    table.add("addWatch", ADD_WATCH_SYNTAX, "m:", WatchCommands::addWatch);
    table.add("removewatches", "path [-c|-d|-a] [-l]", "cdprla", WatchCommands::removeWatches);
  }

  private static void addWatch(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() != 2) {
      throw new CliException("addWatch " + ADD_WATCH_SYNTAX);
    }
    AddWatchMode mode = AddWatchMode.PERSISTENT_RECURSIVE;
    if (args.has('m')) {
      try {
        mode = AddWatchMode.valueOf(args.value('m').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CliException("addWatch " + ADD_WATCH_SYNTAX);
      }
    }
    String path = args.arg(1);
    Formats.checkPath(path, false);
    session.blocking().addWatch(path, mode, session.watcher());
  }

  /**
   * Removes every watch of the type on the path, here and on the server; the shell's watcher then
   * prints the removal events. {@code -l} (remove locally when the server cannot be reached) is
   * accepted and has no effect: the client always asks the server.
   */
  private static void removeWatches(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("removewatches path [-c|-d|-a] [-l]");
    }
    WatcherType type = WatcherType.ANY;
    if (args.has('c')) {
      type = WatcherType.CHILDREN;
    } else if (args.has('d')) {
      type = WatcherType.DATA;
    } else if (args.has('p')) {
      type = WatcherType.PERSISTENT;
    } else if (args.has('r')) {
      type = WatcherType.PERSISTENT_RECURSIVE;
    }
    String path = args.arg(1);
    Formats.checkPath(path, false);
    session.blocking().removeAllWatches(path, type);
  }
}
