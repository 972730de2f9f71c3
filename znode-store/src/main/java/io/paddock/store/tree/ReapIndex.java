package io.paddock.store.tree;

import io.paddock.store.model.EphemeralKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The container and TTL nodes, so the reaper need not scan the tree (§9.4, §9.5). Holds exactly the
 * linked nodes whose stored owner marks a container or a TTL.
 */
final class ReapIndex {
  private final Set<Znode> nodes = new HashSet<>();

  /** True when a node with this stored owner belongs here. */
  static boolean covers(long storedOwner) {
    return EphemeralKind.isContainer(storedOwner) || EphemeralKind.isTtl(storedOwner);
  }

  /** Adds a linked container or TTL node. */
  void add(Znode n) {
    if (!nodes.add(n)) {
      throw new IllegalStateException("reapable node indexed twice: " + n);
    }
  }

  /** Removes an unlinked container or TTL node. */
  void remove(Znode n) {
    if (!nodes.remove(n)) {
      throw new IllegalStateException("reapable node missing from the index: " + n);
    }
  }

  /**
   * The nodes the reaper would delete at {@code nowMs}: childless containers that have had a child
   * (stored cversion &gt; 0); childless never-used containers with {@code now − mtime >
   * maxNeverUsedIntervalMs} when that is positive; childless TTL nodes with {@code now − mtime >
   * ttl}.
   */
  List<Znode> candidates(long nowMs, long maxNeverUsedIntervalMs) {
    List<Znode> out = new ArrayList<>();
    for (Znode n : nodes) {
      if (n.numChildren() > 0) {
        continue;
      }
      long owner = n.storedOwner();
      long idleMs = nowMs - n.mtime;
      boolean due =
          EphemeralKind.isContainer(owner)
              ? n.cversion > 0 || (maxNeverUsedIntervalMs > 0 && idleMs > maxNeverUsedIntervalMs)
              : idleMs > EphemeralKind.ttlMs(owner);
      if (due) {
        out.add(n);
      }
    }
    return out;
  }

  /** A read-only view. */
  Set<Znode> nodes() {
    return Collections.unmodifiableSet(nodes);
  }

  /** Checks the index holds exactly {@code found}. */
  void checkInvariants(Set<Znode> found) {
    if (!nodes.equals(found)) {
      throw new IllegalStateException(
          "reap index holds "
              + nodes.size()
              + " nodes but the tree has "
              + found.size()
              + " containers and TTL nodes");
    }
  }
}
