package io.paddock.recipes.leader;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/** The listeners of a {@link LeaderLatch}, each with the executor it runs on. */
final class LatchListeners {
  private final Map<LeaderLatchListener, Executor> listeners = new ConcurrentHashMap<>();

  void add(LeaderLatchListener listener, Executor executor) {
    listeners.put(Objects.requireNonNull(listener), Objects.requireNonNull(executor));
  }

  void remove(LeaderLatchListener listener) {
    listeners.remove(listener);
  }

  /** Tells every listener isLeader (true) or notLeader (false), each on its executor. */
  void tell(boolean leader) {
    listeners.forEach(
        (listener, executor) ->
            executor.execute(
                () -> {
                  if (leader) {
                    listener.isLeader();
                  } else {
                    listener.notLeader();
                  }
                }));
  }
}
