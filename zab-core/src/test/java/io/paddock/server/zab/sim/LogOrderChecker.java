package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every member's durable log holds strictly increasing zxids, all above its snapshot's. */
final class LogOrderChecker {

  private LogOrderChecker() {}

  /**
   * @param logs each member's logged zxids, in log order
   * @param bases each member's snapshot zxid
   */
  static List<String> check(Map<Integer, List<Long>> logs, Map<Integer, Long> bases) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, List<Long>> e : logs.entrySet()) {
      long prev = bases.getOrDefault(e.getKey(), 0L);
      for (long z : e.getValue()) {
        if (z <= prev) {
          out.add(
              "member "
                  + e.getKey()
                  + " log has 0x"
                  + Long.toHexString(z)
                  + " after 0x"
                  + Long.toHexString(prev));
          break;
        }
        prev = z;
      }
    }
    return out;
  }
}
