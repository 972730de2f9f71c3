package io.paddock.client.cli;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockException;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/** The texts zkCli prints, built as strings (the {@link Printer} writes them). */
final class Formats {
  private Formats() {}

  /** zkCli's StatPrinter: eleven lines, in its order, without a trailing newline. */
  static String stat(Stat stat) {
    return String.join(
        System.lineSeparator(),
        "cZxid = 0x" + Long.toHexString(stat.czxid()),
        "ctime = " + new Date(stat.ctime()),
        "mZxid = 0x" + Long.toHexString(stat.mzxid()),
        "mtime = " + new Date(stat.mtime()),
        "pZxid = 0x" + Long.toHexString(stat.pzxid()),
        "cversion = " + stat.cversion(),
        "dataVersion = " + stat.version(),
        "aclVersion = " + stat.aversion(),
        "ephemeralOwner = 0x" + Long.toHexString(stat.ephemeralOwner()),
        "dataLength = " + stat.dataLength(),
        "numChildren = " + stat.numChildren());
  }

  /** Child names sorted, as {@code [a, b]} (ls). */
  static String children(List<String> children) {
    List<String> sorted = new ArrayList<>(children);
    Collections.sort(sorted);
    return sorted.toString();
  }

  /**
   * An ACL entry as zkCli's getAcl prints it: the jute text of the id ({@code 'world,'anyone} and a
   * line break), then {@code : } and the permission letters.
   */
  static String aclEntry(Id id, int perms) {
    return "'"
        + juteEscape(id.scheme())
        + ",'"
        + juteEscape(id.id())
        + System.lineSeparator()
        + ": "
        + permString(perms);
  }

  /** Permission letters in ZooKeeper's order, {@code cdrwa} (ZKUtil.getPermString). */
  static String permString(int perms) {
    StringBuilder letters = new StringBuilder();
    if ((perms & Perms.CREATE) != 0) {
      letters.append('c');
    }
    if ((perms & Perms.DELETE) != 0) {
      letters.append('d');
    }
    if ((perms & Perms.READ) != 0) {
      letters.append('r');
    }
    if ((perms & Perms.WRITE) != 0) {
      letters.append('w');
    }
    if ((perms & Perms.ADMIN) != 0) {
      letters.append('a');
    }
    return letters.toString();
  }

  /** The escapes of jute's ToStringOutputArchive for a string. */
  private static String juteEscape(String s) {
    StringBuilder escaped = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\0' -> escaped.append("%00");
        case '\n' -> escaped.append("%0A");
        case '\r' -> escaped.append("%0D");
        case ',' -> escaped.append("%2C");
        case '}' -> escaped.append("%7D");
        case '%' -> escaped.append("%25");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * A watch event as zkCli prints it (WatchedEvent.toString of 3.9): {@code WatchedEvent
   * state:SyncConnected type:NodeDataChanged path:/a zxid: 5}.
   */
  static String event(String keeperState, EventType type, String path, long zxid) {
    return "WatchedEvent state:"
        + keeperState
        + " type:"
        + eventTypeName(type)
        + " path:"
        + path
        + " zxid: "
        + zxid;
  }

  /** ZooKeeper's {@code Watcher.Event.EventType} name. */
  static String eventTypeName(EventType type) {
    return switch (type) {
      case NONE -> "None";
      case NODE_CREATED -> "NodeCreated";
      case NODE_DELETED -> "NodeDeleted";
      case NODE_DATA_CHANGED -> "NodeDataChanged";
      case NODE_CHILDREN_CHANGED -> "NodeChildrenChanged";
      case DATA_WATCH_REMOVED -> "DataWatchRemoved";
      case CHILD_WATCH_REMOVED -> "ChildWatchRemoved";
      case PERSISTENT_WATCH_REMOVED -> "PersistentWatchRemoved";
    };
  }

  /**
   * ZooKeeper's {@code Watcher.Event.KeeperState} name for a state; null for {@link
   * ConnectionState#CONNECTING}, which ZooKeeper never announces.
   */
  static String keeperStateName(ConnectionState state) {
    return switch (state) {
      case CONNECTING -> null;
      case CONNECTED -> "SyncConnected";
      case CONNECTED_READ_ONLY -> "ConnectedReadOnly";
      case DISCONNECTED -> "Disconnected";
      case EXPIRED -> "Expired";
      case AUTH_FAILED -> "AuthFailed";
      case CLOSED -> "Closed";
    };
  }

  /**
   * ZooKeeper's {@code ZooKeeper.States} name, as the prompt shows it: a client that lost its
   * connection is CONNECTING again, an expired one CLOSED.
   */
  static String clientStateName(ConnectionState state) {
    return switch (state) {
      case CONNECTING, DISCONNECTED -> "CONNECTING";
      case CONNECTED -> "CONNECTED";
      case CONNECTED_READ_ONLY -> "CONNECTEDREADONLY";
      case EXPIRED, CLOSED -> "CLOSED";
      case AUTH_FAILED -> "AUTH_FAILED";
    };
  }

  /** zkCli's message for a failed op (CliWrapperException), else the exception's message. */
  static String error(PaddockException e) {
    String path = e.path();
    return switch (e.code()) {
      case NONODE -> "Node does not exist: " + path;
      case NOCHILDRENFOREPHEMERALS -> "Ephemerals cannot have children: " + path;
      case NODEEXISTS -> "Node already exists: " + path;
      case NOTEMPTY -> "Node not empty: " + path;
      case NOTREADONLY -> "Not a read-only call: " + path;
      case INVALIDACL -> "Acl is not valid : " + path;
      case NOAUTH -> "Insufficient permission : " + path;
      case BADARGUMENTS -> "Arguments are not valid : " + path;
      case BADVERSION -> "version No is not valid : " + path;
      case RECONFIGINPROGRESS ->
          "Another reconfiguration is in progress -- concurrent reconfigs not supported (yet)";
      case NEWCONFIGNOQUORUM ->
          "No quorum of new config is connected and up-to-date with the leader of last commmitted" // sic
              + " config - try invoking reconfiguration after new servers are connected and synced";
      case QUOTAEXCEEDED -> "Quota has exceeded : " + path;
      default -> e.getMessage();
    };
  }

  /**
   * Checks a path as ZooKeeper's client does (PathUtils.validatePath), with its messages: the basic
   * rules bare ({@code Path must start with / character}), the others as {@code Invalid path string
   * "…" caused by …}.
   *
   * @param sequential true for a sequential create, whose path may end with '/'
   * @throws CliException with that message
   */
  static void checkPath(String path, boolean sequential) throws CliException {
    String checked = sequential ? path + "1" : path;
    String reason = ZnodePaths.invalidReason(checked);
    if (reason == null) {
      return;
    }
    boolean basic =
        checked.isEmpty()
            || checked.charAt(0) != '/'
            || checked.charAt(checked.length() - 1) == '/';
    throw new CliException(
        basic ? reason : "Invalid path string \"" + checked + "\" caused by " + reason);
  }
}
