package io.paddock.server.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * One side of a differential run: a core, a few official-client sessions in numbered slots, and the
 * normalization that makes replies comparable across servers (zxids relative to the run's root
 * node, ephemeral owners as session slots, times left out).
 */
final class DiffSide implements AutoCloseable {
  /** The subtree every differential op works in. */
  static final String ROOT = "/d";

  private final TestCore core;
  private final ZooKeeper[] sessions;
  private final EventLog[] logs;
  private final int[] seen;
  private final int[] generation;
  private final Map<Long, String> ownerNames = new HashMap<>();
  private long zxidBase;

  DiffSide(TestCore core, int sessionCount) {
    this.core = core;
    this.sessions = new ZooKeeper[sessionCount];
    this.logs = new EventLog[sessionCount];
    this.seen = new int[sessionCount];
    this.generation = new int[sessionCount];
    for (int i = 0; i < sessionCount; i++) {
      open(i);
    }
  }

  /** Creates the root node; its czxid becomes the base of every zxid shown. */
  void createRoot() throws Exception {
    Stat stat = new Stat();
    sessions[0].create(ROOT, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, stat);
    zxidBase = stat.getCzxid();
  }

  private void open(int slot) {
    logs[slot] = new EventLog();
    seen[slot] = 0;
    sessions[slot] = Clients.connect(core.connectString(), Clients.SESSION_TIMEOUT_MS, logs[slot]);
    ownerNames.put(sessions[slot].getSessionId(), "s" + slot + "." + generation[slot]);
  }

  /** Closes the session in a slot and opens a new one there. */
  void reopen(int slot) throws InterruptedException {
    sessions[slot].close();
    generation[slot]++;
    open(slot);
  }

  ZooKeeper session(int slot) {
    return sessions[slot];
  }

  String name() {
    return core.name();
  }

  /** A stat with times left out, zxids relative to the root, the owner as a slot name. */
  String stat(Stat s) {
    if (s == null) {
      return "null";
    }
    long owner = s.getEphemeralOwner();
    String ownerText = owner == 0 ? "0" : ownerNames.getOrDefault(owner, "foreign");
    return "{" + StatText.withoutTimes(s, zxidBase, ownerText) + "}";
  }

  /** A zxid relative to the root node's ({@code -1} and 0 stay as they are). */
  String zxid(long zxid) {
    return zxid <= 0 ? Long.toString(zxid) : "b+" + (zxid - zxidBase);
  }

  /**
   * Waits until every session has received every event queued before now and returns the new ones,
   * as {@code s<slot> <type> <path> zxid=<relative>}, session by session.
   */
  List<String> drainEvents() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < sessions.length; i++) {
      Clients.barrier(sessions[i]);
      List<WatchedEvent> events = logs[i].events();
      for (int k = seen[i]; k < events.size(); k++) {
        WatchedEvent e = events.get(k);
        out.add("s" + i + " " + EventLog.describe(e) + " zxid=" + zxid(e.getZxid()));
      }
      seen[i] = events.size();
    }
    return out;
  }

  @Override
  public void close() {
    for (ZooKeeper zk : sessions) {
      Clients.closeQuietly(zk);
    }
  }
}
