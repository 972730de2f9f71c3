package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** After healing, every replica holds the same data tree: equal last applied zxid and digest. */
final class DigestChecker {

  /** One replica's final state. */
  record Replica(long lastApplied, long digest) {}

  private DigestChecker() {}

  static List<String> check(Map<Integer, Replica> replicas) {
    List<String> out = new ArrayList<>();
    Replica first = null;
    int firstId = -1;
    for (Map.Entry<Integer, Replica> e : replicas.entrySet()) {
      if (first == null) {
        first = e.getValue();
        firstId = e.getKey();
      } else if (!first.equals(e.getValue())) {
        out.add(
            "replicas differ: " + firstId + "=" + first + " vs " + e.getKey() + "=" + e.getValue());
      }
    }
    return out;
  }
}
