package io.paddock.store.tree.model;

import static io.paddock.store.tree.model.Difference.call;
import static io.paddock.store.tree.model.Difference.check;

import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.tree.AclWithStat;
import io.paddock.store.tree.ChildrenWithStat;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.watch.NodeZxids;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the whole observable state of the real tree with the reference: every node's data, stat,
 * children and ACL; that absent nodes read as absent; that a walk from "/" finds no extra node;
 * counts, sessions, ephemerals, reaper candidates at several times; and the real tree's own
 * invariants. Throws {@link Difference} at the first disagreement.
 */
final class StateComparison {
  private static final List<String> EPHEMERAL_PREFIXES =
      List.of("/", "/a", "/b/a", "/s-", "/zookeeper");
  private static final Set<String> ABSENT_CANDIDATES = absentCandidates();

  /** Reaper queries as (offset from now, maxNeverUsedIntervalMs). */
  private static final long[][] REAPER_QUERIES = {{0, 0}, {4, 3}, {2_000, 100}};

  private static final int REAPER_BOUNDARY_NODES_MAX = 3;

  private final ReferenceTree reference;
  private final TreeUnderTest actual;

  StateComparison(ReferenceTree reference, TreeUnderTest actual) {
    this.reference = reference;
    this.actual = actual;
  }

  private static Set<String> absentCandidates() {
    Set<String> paths = new TreeSet<>(TxnGenerator.universe());
    paths.addAll(List.of("/a/", "/zookeeper/x", "/a0000000000", "/a/s-0000000000", "/nope/a"));
    return paths;
  }

  /** Compares everything; {@code nowMs} anchors the reaper queries. */
  void compare(long nowMs) {
    List<String> paths = reference.paths();
    for (String path : paths) {
      compareNode(path);
    }
    compareAbsent(paths);
    compareWalk(paths);
    check("nodeCount()", reference.nodeCount(), call("nodeCount()", actual::nodeCount));
    check("sessions()", reference.sessions(), call("sessions()", actual::sessions));
    compareEphemerals();
    compareReaper(nowMs, paths);
    Difference.run("checkInvariants()", actual::checkInvariants);
  }

  private void compareNode(String path) {
    String q = "(\"" + path + "\")";
    ZnodeData want = reference.getData(path);
    ZnodeData got = call("getData" + q, () -> actual.getData(path));
    if (got == null) {
      throw new Difference("getData" + q, want, null, null);
    }
    check("getData" + q + ".data", want.data(), got.data());
    check("getData" + q + ".stat", want.stat(), got.stat());
    check("exists" + q, want.stat(), call("exists" + q, () -> actual.exists(path)));

    ChildrenWithStat wantChildren = reference.getChildren(path);
    ChildrenWithStat gotChildren = call("getChildren" + q, () -> actual.getChildren(path));
    if (gotChildren == null) {
      throw new Difference("getChildren" + q, wantChildren, null, null);
    }
    check(
        "getChildren" + q + ".children (as a set)",
        new TreeSet<>(wantChildren.children()),
        new TreeSet<>(gotChildren.children()));
    check(
        "getChildren" + q + ".children has no duplicates",
        gotChildren.children().size(),
        new HashSet<>(gotChildren.children()).size());
    check("getChildren" + q + ".stat", wantChildren.stat(), gotChildren.stat());

    AclWithStat wantAcl = reference.getAcl(path);
    AclWithStat gotAcl = call("getAcl" + q, () -> actual.getAcl(path));
    check("getAcl" + q, wantAcl, gotAcl);
    check("aclOf" + q, reference.aclOf(path), call("aclOf" + q, () -> actual.aclOf(path)));
    check(
        "getAllChildrenNumber" + q,
        reference.getAllChildrenNumber(path),
        call("getAllChildrenNumber" + q, () -> actual.getAllChildrenNumber(path)));
    compareNodeZxids(path, true, want.stat().mzxid(), want.stat().pzxid());
  }

  private void compareNodeZxids(String path, boolean exists, long mzxid, long pzxid) {
    String q = "(\"" + path + "\")";
    NodeZxids zxids = call("nodeZxids()", actual::nodeZxids);
    check("nodeZxids().exists" + q, exists, call("nodeZxids().exists", () -> zxids.exists(path)));
    check("nodeZxids().mzxid" + q, mzxid, call("nodeZxids().mzxid", () -> zxids.mzxid(path)));
    check("nodeZxids().pzxid" + q, pzxid, call("nodeZxids().pzxid", () -> zxids.pzxid(path)));
  }

  /** Universe paths the reference lacks must read as missing everywhere. */
  private void compareAbsent(List<String> present) {
    Set<String> absent = new TreeSet<>(ABSENT_CANDIDATES);
    absent.removeAll(present);
    for (String path : absent) {
      String q = "(\"" + path + "\") of a missing node";
      check("getData" + q, null, call("getData" + q, () -> actual.getData(path)));
      check("exists" + q, null, call("exists" + q, () -> actual.exists(path)));
      check("getChildren" + q, null, call("getChildren" + q, () -> actual.getChildren(path)));
      check("getAcl" + q, null, call("getAcl" + q, () -> actual.getAcl(path)));
      check("aclOf" + q, null, call("aclOf" + q, () -> actual.aclOf(path)));
      check(
          "getAllChildrenNumber" + q,
          -1,
          call("getAllChildrenNumber" + q, () -> actual.getAllChildrenNumber(path)));
      compareNodeZxids(path, false, -1, -1);
    }
  }

  /** A walk over the real tree's getChildren from "/" finds exactly the reference's paths. */
  private void compareWalk(List<String> paths) {
    Set<String> found = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(ZnodePaths.ROOT));
    int visitsMax = paths.size() * 2 + 16;
    while (!todo.isEmpty() && found.size() < visitsMax) {
      String path = todo.pop();
      found.add(path);
      ChildrenWithStat children =
          call("getChildren(\"" + path + "\")", () -> actual.getChildren(path));
      if (children == null) {
        throw new Difference("getChildren(\"" + path + "\") during the walk", "a node", null, null);
      }
      for (String name : children.children()) {
        todo.push(ZnodePaths.child(path, name));
      }
    }
    check("the set of paths reachable from \"/\"", new TreeSet<>(paths), found);
  }

  private void compareEphemerals() {
    Set<Long> sessions = new TreeSet<>(TxnGenerator.SESSION_POOL);
    for (String path : reference.paths()) {
      long owner = reference.storedOwner(path);
      if (EphemeralKind.isSession(owner)) {
        sessions.add(owner);
      }
    }
    for (long session : sessions) {
      check(
          "hasSession(0x" + Long.toHexString(session) + ")",
          reference.hasSession(session),
          call("hasSession", () -> actual.hasSession(session)));
      for (String prefix : EPHEMERAL_PREFIXES) {
        String what = "getEphemerals(0x" + Long.toHexString(session) + ", \"" + prefix + "\")";
        check(
            what,
            reference.getEphemerals(session, prefix),
            call(what, () -> actual.getEphemerals(session, prefix)));
      }
    }
  }

  /** Reaper candidates at a spread of times, plus exactly at and just past each node's boundary. */
  private void compareReaper(long nowMs, List<String> paths) {
    List<long[]> queries = new ArrayList<>();
    for (long[] q : REAPER_QUERIES) {
      queries.add(new long[] {nowMs + q[0], q[1]});
    }
    int boundaries = 0;
    for (String path : paths) {
      long owner = reference.storedOwner(path);
      if (boundaries < REAPER_BOUNDARY_NODES_MAX
          && (EphemeralKind.isTtl(owner) || EphemeralKind.isContainer(owner))) {
        boundaries++;
        Stat stat = reference.exists(path);
        long limit = EphemeralKind.isTtl(owner) ? EphemeralKind.ttlMs(owner) : 3;
        if (limit < 1_000_000) {
          queries.add(new long[] {stat.mtime() + limit, 3});
          queries.add(new long[] {stat.mtime() + limit + 1, 3});
        }
      }
    }
    for (long[] q : queries) {
      String what = "reapCandidates(" + q[0] + ", " + q[1] + ") (sorted)";
      List<String> got = new ArrayList<>(call(what, () -> actual.reapCandidates(q[0], q[1])));
      got.sort(null);
      check(what, reference.reapCandidates(q[0], q[1]), got);
    }
  }
}
