package io.paddock.client.cli;

import io.paddock.client.CreateResult;
import io.paddock.client.Op;
import io.paddock.client.Ops;
import io.paddock.client.PaddockException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;

/** The writing commands: create, set, delete, deleteall. */
final class NodeCommands {
  /** The largest TTL (ZooKeeper's EphemeralType.TTL maximum, 40 bits). */
  static final long TTL_MS_MAX = 0xFF_FFFF_FFFFL;

  /** deleteall's default batch, as zkCli's. */
  static final int DELETE_BATCH_DEFAULT = 1000;

  /** set's usage error: zkCli lists its options too (commons-cli's help layout). */
  static final String SET_USAGE =
      String.join(
          System.lineSeparator(),
          "set path data [-s] [-v version] [-b]",
          " -b         Supply data in base64 format",
          " -s         Print znode stats additionally",
          " -v <arg>   Set with an expected version",
          "");

  private NodeCommands() {}

  static void addTo(CommandTable table) {
    table.add("create", "[-s] [-e] [-c] [-t ttl] path [data] [acl]", "sect:", NodeCommands::create);
    table.add("set", "path data [-s] [-v version] [-b]", "sv:b", NodeCommands::set);
    table.add("delete", "[-v version] path", "v:", NodeCommands::delete);
    table.add("deleteall", "path [-b batch size]", "b:", NodeCommands::deleteAll);
  }

  private static void create(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("create [-s] [-e] [-c] [-t ttl] path [data] [acl]");
    }
    CreateMode mode = createMode(args);
    long ttlMs = mode.isTtl() ? ttl(args) : -1;
    String path = args.arg(1);
    String data = args.argOrNull(2);
    List<Acl> acl =
        args.count() > 3 ? Acls.parse(args.arg(3), session.printer()) : Acl.OPEN_ACL_UNSAFE;
    Formats.checkPath(path, mode.isSequential());
    byte[] bytes = data == null ? null : data.getBytes(StandardCharsets.UTF_8);
    try {
      CreateResult created =
          mode.isTtl()
              ? session.blocking().create(path, bytes, acl, mode, ttlMs)
              : session.blocking().create(path, bytes, acl, mode);
      session.printer().err("Created " + created.path());
    } catch (PaddockException.EphemeralOnLocalSessionException e) {
      session.printer().err("Unable to create ephemeral node on a local session");
      throw e;
    } catch (PaddockException.InvalidAclException e) {
      session.printer().err(e.getMessage()); // zkCli prints the raw message, then its own
      throw e;
    }
  }

  /** The mode of create's flags, refusing the combinations zkCli refuses, with its messages. */
  private static CreateMode createMode(ParsedArgs args) throws CliException {
    boolean ephemeral = args.has('e');
    boolean sequential = args.has('s');
    boolean container = args.has('c');
    boolean ttl = args.has('t');
    if (container && (ephemeral || sequential)) {
      throw new CliException(
          "-c cannot be combined with -s or -e. Containers cannot be ephemeral or sequential.");
    }
    if (ttl) {
      ttl(args); // a malformed number is reported before the combination, as in zkCli
    }
    if (ttl && ephemeral) {
      throw new CliException("TTLs cannot be used with Ephemeral znodes");
    }
    if (ttl && container) {
      throw new CliException("TTLs cannot be used with Container znodes");
    }
    if (ephemeral) {
      return sequential ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
    } else if (sequential) {
      return ttl ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_SEQUENTIAL;
    } else if (container) {
      return CreateMode.CONTAINER;
    }
    return ttl ? CreateMode.PERSISTENT_WITH_TTL : CreateMode.PERSISTENT;
  }

  private static long ttl(ParsedArgs args) throws CliException {
    long ttlMs;
    try {
      ttlMs = Long.parseLong(args.value('t'));
    } catch (NumberFormatException e) {
      throw new CliException("-t argument must be a long value");
    }
    if (ttlMs <= 0 || ttlMs > TTL_MS_MAX) {
      throw new CliException("ttl must be positive and cannot be larger than: " + TTL_MS_MAX);
    }
    return ttlMs;
  }

  private static void set(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 3) {
      throw new CliException(SET_USAGE);
    }
    String path = args.arg(1);
    byte[] data;
    if (args.has('b')) {
      try {
        data = Base64.getDecoder().decode(args.arg(2));
      } catch (IllegalArgumentException e) {
        throw new CliException("data is not valid base64: " + e.getMessage());
      }
    } else {
      data = args.arg(2).getBytes(StandardCharsets.UTF_8);
    }
    int version = args.intValue('v', -1);
    Formats.checkPath(path, false);
    Stat stat = session.blocking().setData(path, data, version);
    if (args.has('s')) {
      session.printer().stat(stat);
    }
  }

  private static void delete(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("delete [-v version] path");
    }
    if (args.count() > 2) {
      // zkCli warns and, as it does, ignores the old positional version
      session
          .printer()
          .err(
              "'delete path [version]' has been deprecated. "
                  + "Please use 'delete [-v version] path' instead.");
    }
    int version = args.intValue('v', -1);
    String path = args.arg(1);
    Formats.checkPath(path, false);
    session.blocking().delete(path, version);
  }

  private static void deleteAll(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("deleteall path [-b batch size]");
    }
    int batch = args.intValue('b', DELETE_BATCH_DEFAULT);
    String path = args.arg(1);
    Formats.checkPath(path, false);
    List<String> tree = subtreeBreadthFirst(session, path);
    if (batch <= 0) {
      for (int i = tree.size() - 1; i >= 0; i--) {
        session.blocking().delete(tree.get(i), -1);
      }
    } else if (!deleteInBatches(session, tree, Math.min(batch, Ops.OPS_MAX))) {
      session.printer().err("Failed to delete some node(s) in the subtree!");
    }
  }

  /** The node and all its descendants, breadth first (ZKUtil.listSubTreeBFS). */
  private static List<String> subtreeBreadthFirst(CliSession session, String root)
      throws PaddockException, InterruptedException {
    List<String> tree = new ArrayList<>();
    Queue<String> queue = new ArrayDeque<>();
    tree.add(root);
    queue.add(root);
    while (!queue.isEmpty()) {
      String node = queue.poll();
      String prefix = node.equals("/") ? "/" : node + "/";
      for (String child : session.getChildren(node, false)) {
        tree.add(prefix + child);
        queue.add(prefix + child);
      }
    }
    return tree;
  }

  /**
   * Deletes the tree leaves first, {@code batch} deletes per multi; stops at the first failed multi
   * (ZKUtil.deleteInBatch, sequentially).
   *
   * @return false when a multi failed
   */
  private static boolean deleteInBatches(CliSession session, List<String> tree, int batch)
      throws InterruptedException {
    List<Op> ops = new ArrayList<>();
    for (int i = tree.size() - 1; i >= 0; i--) {
      ops.add(new Op.Delete(tree.get(i), -1));
      if (ops.size() == batch || i == 0) {
        try {
          session.blocking().multi(ops);
        } catch (PaddockException e) {
          return false;
        }
        ops = new ArrayList<>();
      }
    }
    return true;
  }
}
