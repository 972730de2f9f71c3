package io.paddock.store.tree;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ephemeral nodes of each session, by node identity (no path strings are kept; paths are built
 * when asked for). Holds exactly the linked nodes whose stored owner is a session id.
 */
final class EphemeralIndex {
  private final Map<Long, Set<Znode>> bySession = new HashMap<>();
  private int size;

  /** Adds a linked ephemeral node. */
  void add(Znode n) {
    if (!bySession.computeIfAbsent(n.storedOwner(), k -> new HashSet<>()).add(n)) {
      throw new IllegalStateException("ephemeral indexed twice: " + n);
    }
    size++;
  }

  /** Removes an unlinked ephemeral node. */
  void remove(Znode n) {
    long owner = n.storedOwner();
    Set<Znode> nodes = bySession.get(owner);
    if (nodes == null || !nodes.remove(n)) {
      throw new IllegalStateException("ephemeral missing from the index: " + n);
    }
    if (nodes.isEmpty()) {
      bySession.remove(owner);
    }
    size--;
  }

  /** The session's ephemeral nodes (a read-only view; empty when it has none). */
  Set<Znode> of(long sessionId) {
    Set<Znode> nodes = bySession.get(sessionId);
    return nodes == null ? Set.of() : Collections.unmodifiableSet(nodes);
  }

  /** The number of indexed nodes. */
  int size() {
    return size;
  }

  /** Checks the index holds exactly {@code found} (every linked ephemeral of the tree). */
  void checkInvariants(Set<Znode> found) {
    int total = 0;
    for (Map.Entry<Long, Set<Znode>> e : bySession.entrySet()) {
      if (e.getValue().isEmpty()) {
        throw new IllegalStateException("empty ephemeral set kept for session " + e.getKey());
      }
      for (Znode n : e.getValue()) {
        if (n.storedOwner() != e.getKey() || !found.contains(n)) {
          throw new IllegalStateException(
              "ephemeral index holds " + n + " under session 0x" + Long.toHexString(e.getKey()));
        }
        total++;
      }
    }
    if (total != size || total != found.size()) {
      throw new IllegalStateException(
          "ephemeral index counts " + size + "/" + total + " but the tree has " + found.size());
    }
  }
}
