package io.paddock.client.cli;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.paddock.client.ChildrenAndStat;
import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** The reading commands: ls, get, stat, sync, getEphemerals, getAllChildrenNumber. */
final class ReadCommands {
  /** get's usage error: zkCli lists its options too (commons-cli's help layout). */
  static final String GET_USAGE =
      String.join(
          System.lineSeparator(),
          "get [-s] [-w] [-b] [-x] path",
          " -b   Output data in base64 format",
          " -s   Print znode stats additionally",
          " -w   Watch for changes on the znode",
          " -x   Output data in hexdump format",
          "");

  private ReadCommands() {}

  static void addTo(CommandTable table) {
    table.add("ls", "[-s] [-w] [-R] path", "swR", ReadCommands::ls);
    table.add("get", "[-s] [-w] [-b] [-x] path", "swbx", ReadCommands::get);
    table.add("stat", "[-w] path", "w", ReadCommands::stat);
    table.add("sync", "path", "", ReadCommands::sync);
    table.add("getEphemerals", "path", "", ReadCommands::getEphemerals);
    table.add("getAllChildrenNumber", "path", "", ReadCommands::getAllChildrenNumber);
  }

  /**
   * True when a watch was asked for, also in the deprecated form {@code cmd path watch}, which
   * zkCli still accepts with a warning.
   */
  private static boolean watch(CliSession session, ParsedArgs args, String modernForm) {
    if (args.count() > 2) {
      session
          .printer()
          .err(
              "'"
                  + args.arg(0)
                  + " path [watch]' has been deprecated. Please use '"
                  + modernForm
                  + "' instead.");
      return true;
    }
    return args.has('w');
  }

  private static void ls(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("ls [-s] [-w] [-R] path");
    }
    boolean watch = watch(session, args, "ls [-w] path");
    String path = args.arg(1);
    Formats.checkPath(path, false);
    if (args.has('R')) {
      session.getData(path, watch); // the root must exist (NoNode otherwise), as in zkCli
      session.printer().out(path);
      visitChildren(session, path, watch, child -> session.printer().out(child));
    } else if (args.has('s')) {
      ChildrenAndStat result = session.getChildrenAndStat(path, watch);
      session.printer().out(Formats.children(result.children()));
      session.printer().stat(result.stat());
    } else {
      session.printer().out(Formats.children(session.getChildren(path, watch)));
    }
  }

  /** What a subtree walk does with each path it finds. */
  @FunctionalInterface
  interface PathVisitor {
    void visit(String path) throws PaddockException, InterruptedException;
  }

  /**
   * zkCli's walk below a node (ZKUtil.visitSubTreeDFS): a node's children, sorted, are visited
   * before any grandchild, then each child's subtree in turn. A node deleted during the walk is
   * skipped.
   */
  static void visitChildren(CliSession session, String path, boolean watch, PathVisitor visitor)
      throws PaddockException, InterruptedException {
    List<String> children;
    try {
      children = new ArrayList<>(session.getChildren(path, watch));
    } catch (PaddockException.NoNodeException deletedMeanwhile) {
      return;
    }
    Collections.sort(children);
    String prefix = path.equals("/") ? "/" : path + "/";
    for (String child : children) {
      visitor.visit(prefix + child);
    }
    for (String child : children) {
      visitChildren(session, prefix + child, watch, visitor);
    }
  }

  private static void get(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException(GET_USAGE);
    }
    boolean watch = watch(session, args, "get [-s] [-w] path");
    String path = args.arg(1);
    Formats.checkPath(path, false);
    DataAndStat result = session.getData(path, watch);
    byte[] data = result.data() == null ? "null".getBytes(StandardCharsets.UTF_8) : result.data();
    String text;
    if (args.has('x')) {
      text = ByteBufUtil.prettyHexDump(Unpooled.wrappedBuffer(data));
    } else if (args.has('b')) {
      text = Base64.getEncoder().encodeToString(data);
    } else {
      text = new String(data, StandardCharsets.UTF_8);
    }
    session.printer().out(text);
    if (args.has('s')) {
      session.printer().stat(result.stat());
    }
  }

  private static void stat(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("stat [-w] path");
    }
    boolean watch = watch(session, args, "stat [-w] path");
    String path = args.arg(1);
    Formats.checkPath(path, false);
    Stat stat = session.exists(path, watch);
    if (stat == null) {
      throw new PaddockException.NoNodeException(path);
    }
    session.printer().stat(stat);
  }

  private static void sync(CliSession session, ParsedArgs args)
      throws CliException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("sync path");
    }
    String path = args.arg(1);
    Formats.checkPath(path, false);
    try {
      session.blocking().sync(path);
      session.printer().out("Sync is OK");
    } catch (PaddockException e) {
      // zkCli reports the result code of the callback, not an error
      session.printer().out("Sync has failed. rc=" + e.code().code());
    }
  }

  private static void getEphemerals(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    String path = args.count() < 2 ? "/" : args.arg(1);
    Formats.checkPath(path, false);
    session.printer().out(session.blocking().getEphemerals(path).toString());
  }

  private static void getAllChildrenNumber(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("getAllChildrenNumber path");
    }
    String path = args.arg(1);
    Formats.checkPath(path, false);
    session.printer().out(Integer.toString(session.blocking().getAllChildrenNumber(path)));
  }
}
