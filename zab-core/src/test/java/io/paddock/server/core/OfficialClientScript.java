package io.paddock.server.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * Runs operations through the official ZooKeeper client against one server and writes down what
 * came back, normalized so that two servers can be compared line by line: codes, data, sorted
 * children, stat fields except times, session ids as A/B, and every watch event with its zxid.
 */
final class OfficialClientScript implements AutoCloseable {
  private static final int SESSION_TIMEOUT_MS = 30_000;

  private final String connectString;
  final ZooKeeper a;
  final ZooKeeper b;
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final List<String> eventsA = Collections.synchronizedList(new ArrayList<>());
  private final List<String> eventsB = Collections.synchronizedList(new ArrayList<>());

  OfficialClientScript(String connectString) throws Exception {
    this.connectString = connectString;
    a = connect(connectString, "A", eventsA);
    b = connect(connectString, "B", eventsB);
  }

  private ZooKeeper connect(String connectString, String name, List<String> events)
      throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            connectString,
            SESSION_TIMEOUT_MS,
            e -> {
              if (e.getType() == Watcher.Event.EventType.None) {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                  connected.countDown();
                }
              } else {
                events.add(
                    "  event " + name + " " + e.getType() + " " + e.getPath() + " " + e.getZxid());
              }
            });
    if (!connected.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " did not connect to " + connectString);
    }
    return zk;
  }

  /** A third client whose events are written down as C's (with A's, before B's). */
  ZooKeeper third() throws Exception {
    return connect(connectString, "C", eventsA);
  }

  /** What happened, line by line. */
  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  /** A step that may throw a KeeperException. */
  interface Step {
    Object run() throws Exception;
  }

  /**
   * Runs one op, writes down its outcome, and waits until both clients saw every event before it.
   */
  void op(String description, Step step) throws Exception {
    String outcome;
    try {
      outcome = describe(step.run());
    } catch (KeeperException e) {
      outcome = "ERR " + e.code() + describeResults(e.getResults());
    }
    drainEvents(a);
    drainEvents(b);
    // Events of one client are in order; which client's come first is not defined, so A's are
    // written before B's.
    log.add(description + " -> " + outcome);
    moveEvents(eventsA);
    moveEvents(eventsB);
  }

  private void moveEvents(List<String> events) {
    synchronized (events) {
      log.addAll(events);
      events.clear();
    }
  }

  /** Callbacks run on the client's event thread after the events queued before them. */
  private static void drainEvents(ZooKeeper zk) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    zk.sync("/", (rc, path, ctx) -> done.countDown(), null);
    if (!done.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("sync did not complete");
    }
  }

  private String describe(Object result) {
    if (result == null) {
      return "null";
    } else if (result instanceof Stat s) {
      return stat(s);
    } else if (result instanceof byte[] data) {
      return new String(data, StandardCharsets.UTF_8);
    } else if (result instanceof List<?> list) {
      if (!list.isEmpty() && list.get(0) instanceof OpResult) {
        return describeResults(castResults(list));
      }
      List<String> sorted = new ArrayList<>();
      list.forEach(
          x ->
              sorted.add(
                  x instanceof ACL acl ? acl.getPerms() + ":" + acl.getId() : String.valueOf(x)));
      Collections.sort(sorted);
      return sorted.toString();
    }
    return String.valueOf(result);
  }

  @SuppressWarnings("unchecked")
  private static List<OpResult> castResults(List<?> list) {
    return (List<OpResult>) list;
  }

  private String describeResults(List<OpResult> results) {
    if (results == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" [");
    for (OpResult r : results) {
      sb.append(r.getType()).append(':');
      if (r instanceof OpResult.ErrorResult e) {
        sb.append(e.getErr());
      } else if (r instanceof OpResult.CreateResult c) {
        sb.append(c.getPath()).append(c.getStat() == null ? "" : " " + stat(c.getStat()));
      } else if (r instanceof OpResult.SetDataResult s) {
        sb.append(stat(s.getStat()));
      } else if (r instanceof OpResult.GetDataResult d) {
        sb.append(describe(d.getData())).append(' ').append(stat(d.getStat()));
      } else if (r instanceof OpResult.GetChildrenResult c) {
        sb.append(describe(c.getChildren()));
      }
      sb.append(' ');
    }
    return sb.append(']').toString();
  }

  /** Every stat field but the times; the owner as A, B or 0. */
  String stat(Stat s) {
    long owner = s.getEphemeralOwner();
    String who =
        owner == 0 ? "0" : owner == a.getSessionId() ? "A" : owner == b.getSessionId() ? "B" : "?";
    return String.format(
        "czxid=%x mzxid=%x pzxid=%x v=%d cv=%d av=%d owner=%s len=%d kids=%d",
        s.getCzxid(),
        s.getMzxid(),
        s.getPzxid(),
        s.getVersion(),
        s.getCversion(),
        s.getAversion(),
        who,
        s.getDataLength(),
        s.getNumChildren());
  }

  /** A create that returns the path and the stat (create2). */
  Object create2(ZooKeeper zk, String path, String data, List<ACL> acl, CreateMode mode, long ttl)
      throws Exception {
    Stat stat = new Stat();
    String actual = zk.create(path, bytes(data), acl, mode, stat, ttl);
    return actual + " " + stat(stat);
  }

  static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static Op createOp(String path, String data, List<ACL> acl, CreateMode mode) {
    return Op.create(path, bytes(data), acl, mode);
  }

  static AddWatchMode watchMode(boolean recursive) {
    return recursive ? AddWatchMode.PERSISTENT_RECURSIVE : AddWatchMode.PERSISTENT;
  }

  @Override
  public void close() throws InterruptedException {
    a.close();
    b.close();
  }
}
