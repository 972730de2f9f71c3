package io.paddock.server.zab.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** At most one established leader per epoch, as seen by every member that served in it. */
final class LeadershipChecker {

  private LeadershipChecker() {}

  static List<String> check(Recorder r) {
    List<String> out = new ArrayList<>();
    Map<Long, Long> leaderOf = new HashMap<>();
    for (Recorder.Established e : r.establishments) {
      Long prev = leaderOf.putIfAbsent(e.epoch(), e.leader());
      if (prev != null && prev != e.leader()) {
        out.add(
            "two leaders in epoch "
                + e.epoch()
                + ": "
                + prev
                + " and "
                + e.leader()
                + " (seen by "
                + e.member()
                + ")");
      }
    }
    return out;
  }
}
