package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One operation of a differential log, run through the official client against one side. Its {@link
 * #run} returns the normalized reply text that is compared between sides.
 *
 * @param kind what to do
 * @param slot the session that does it
 * @param path the node
 * @param data data for create and setData ({@code null} allowed)
 * @param version expected version for setData, delete and check
 * @param mode create mode
 * @param withStat whether a create asks for the stat (op 15) or not (op 1)
 * @param ttl the TTL for TTL modes, else -1
 * @param watch whether a read sets a watch
 * @param subOps the ops of a multi or multiRead
 */
record DiffOp(
    Kind kind,
    int slot,
    String path,
    byte[] data,
    int version,
    CreateMode mode,
    boolean withStat,
    long ttl,
    boolean watch,
    List<DiffOp> subOps) {

  /** The operations the generator draws from. */
  enum Kind {
    CREATE,
    SET_DATA,
    DELETE,
    CHECK,
    EXISTS,
    GET_DATA,
    GET_CHILDREN,
    GET_CHILDREN2,
    MULTI,
    MULTI_READ,
    ADD_WATCH_PERSISTENT,
    ADD_WATCH_RECURSIVE,
    GET_EPHEMERALS,
    ALL_CHILDREN_NUMBER,
    REOPEN_SESSION
  }

  /** Runs the op on one side and returns its normalized reply. */
  String run(DiffSide side) throws InterruptedException {
    ZooKeeper zk = side.session(slot);
    try {
      return "ok " + call(side, zk);
    } catch (KeeperException e) {
      String text = "err " + e.code();
      if (e.getResults() != null) {
        text += " " + results(side, e.getResults());
      }
      return text;
    } catch (IllegalArgumentException e) {
      return "client-refused";
    }
  }

  private String call(DiffSide side, ZooKeeper zk) throws KeeperException, InterruptedException {
    switch (kind) {
      case CREATE -> {
        if (mode.isTTL() || withStat) {
          Stat s = new Stat();
          String name = zk.create(path, data, Ids.OPEN_ACL_UNSAFE, mode, s, ttl);
          return name + " " + side.stat(s);
        }
        return zk.create(path, data, Ids.OPEN_ACL_UNSAFE, mode);
      }
      case SET_DATA -> {
        return side.stat(zk.setData(path, data, version));
      }
      case DELETE -> {
        zk.delete(path, version);
        return "deleted";
      }
      case EXISTS -> {
        return side.stat(zk.exists(path, watch));
      }
      case GET_DATA -> {
        Stat s = new Stat();
        return text(zk.getData(path, watch, s)) + " " + side.stat(s);
      }
      case GET_CHILDREN -> {
        return new TreeSet<>(zk.getChildren(path, watch)).toString();
      }
      case GET_CHILDREN2 -> {
        Stat s = new Stat();
        return new TreeSet<>(zk.getChildren(path, watch, s)) + " " + side.stat(s);
      }
      case MULTI, MULTI_READ -> {
        List<Op> ops = new ArrayList<>();
        for (DiffOp sub : subOps) {
          ops.add(sub.toOp());
        }
        return results(side, zk.multi(ops));
      }
      case ADD_WATCH_PERSISTENT -> {
        zk.addWatch(path, AddWatchMode.PERSISTENT);
        return "watching";
      }
      case ADD_WATCH_RECURSIVE -> {
        zk.addWatch(path, AddWatchMode.PERSISTENT_RECURSIVE);
        return "watching";
      }
      case GET_EPHEMERALS -> {
        return new TreeSet<>(zk.getEphemerals(path)).toString();
      }
      case ALL_CHILDREN_NUMBER -> {
        return Integer.toString(zk.getAllChildrenNumber(path));
      }
      case REOPEN_SESSION -> {
        side.reopen(slot);
        return "reopened";
      }
      default -> throw new IllegalStateException("not a top-level op: " + kind);
    }
  }

  private Op toOp() {
    return switch (kind) {
      case CREATE ->
          mode.isTTL()
              ? Op.create(path, data, Ids.OPEN_ACL_UNSAFE, mode, ttl)
              : Op.create(path, data, Ids.OPEN_ACL_UNSAFE, mode);
      case SET_DATA -> Op.setData(path, data, version);
      case DELETE -> Op.delete(path, version);
      case CHECK -> Op.check(path, version);
      case GET_DATA -> Op.getData(path);
      case GET_CHILDREN -> Op.getChildren(path);
      default -> throw new IllegalStateException("not a multi op: " + kind);
    };
  }

  private static String results(DiffSide side, List<OpResult> results) {
    List<String> out = new ArrayList<>();
    for (OpResult r : results) {
      if (r instanceof OpResult.CreateResult c) {
        out.add("create " + c.getPath() + " " + side.stat(c.getStat()));
      } else if (r instanceof OpResult.SetDataResult s) {
        out.add("setData " + side.stat(s.getStat()));
      } else if (r instanceof OpResult.DeleteResult) {
        out.add("delete");
      } else if (r instanceof OpResult.CheckResult) {
        out.add("check");
      } else if (r instanceof OpResult.ErrorResult e) {
        out.add("error " + KeeperException.Code.get(e.getErr()));
      } else if (r instanceof OpResult.GetDataResult g) {
        out.add("getData " + text(g.getData()) + " " + side.stat(g.getStat()));
      } else if (r instanceof OpResult.GetChildrenResult g) {
        out.add("getChildren " + new TreeSet<>(g.getChildren()));
      } else {
        out.add("unknown " + r);
      }
    }
    return out.toString();
  }

  private static String text(byte[] data) {
    return data == null ? "null" : "'" + new String(data, UTF_8) + "'";
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("s" + slot + " " + kind);
    if (path != null) {
      b.append(' ').append(path);
    }
    if (kind == Kind.CREATE) {
      b.append(' ')
          .append(mode)
          .append(withStat ? " +stat" : "")
          .append(ttl > 0 ? " ttl=" + ttl : "");
    }
    if (kind == Kind.CREATE || kind == Kind.SET_DATA) {
      b.append(" data=").append(text(data));
    }
    if (kind == Kind.SET_DATA || kind == Kind.DELETE || kind == Kind.CHECK) {
      b.append(" version=").append(version);
    }
    if (watch) {
      b.append(" watch");
    }
    if (subOps != null && !subOps.isEmpty()) {
      b.append(' ').append(subOps);
    }
    return b.toString();
  }
}
