package io.paddock.recipes.internal;

import java.util.List;

/**
 * The rule of one sequential contest: which children take part and, given them sorted by sequence,
 * whether a node holds the grant or which node it must wait for.
 */
public interface ContestDriver {
  /** What a node may do now. */
  record Decision(boolean granted, String watchName) {
    /** The node holds the grant. */
    public static Decision grant() {
      return new Decision(true, null);
    }

    /**
     * The node waits for {@code name} to go (or change).
     *
     * @param name the child to watch
     */
    public static Decision waitFor(String name) {
      return new Decision(false, name);
    }
  }

  /** True if a child takes part in the contest. */
  boolean isParticipant(String childName);

  /**
   * The decision for {@code ourName}. It depends only on the participants ahead of ours, and a
   * grant stays a grant when any of them is removed: a waiter decides again on its last list minus
   * a deleted node without listing the children (see {@link SequentialContest}).
   *
   * @param sorted the participants, by sequence
   * @param ourIndex our index in {@code sorted}
   */
  Decision decide(List<String> sorted, int ourIndex);

  /**
   * True when every participant's node is created sequential, so a node created later sorts after
   * every node there is: the nodes ahead of a waiter can then only leave, and a waiter woken by the
   * deletion of the node it watches may decide on its last listing minus that node. False for a
   * contest whose nodes may be created ahead of waiting ones (a read lock's downgrade node takes
   * the writer's sequence); its waiters always list again.
   */
  default boolean newNodesSortLast() {
    return true;
  }

  /**
   * The standard driver: the first {@code maxLeases} participants hold the grant, every other one
   * watches the participant {@code maxLeases} places before it (its predecessor for a mutex, so no
   * herd).
   *
   * @param marker the substring every participant's name contains ({@code lock-})
   */
  static ContestDriver standard(String marker, int maxLeases) {
    if (maxLeases < 1) {
      throw new IllegalArgumentException("maxLeases must be ≥ 1");
    }
    return new ContestDriver() {
      @Override
      public boolean isParticipant(String childName) {
        return childName.contains(marker) && Sequences.isSequential(childName);
      }

      @Override
      public Decision decide(List<String> sorted, int ourIndex) {
        return ourIndex < maxLeases
            ? Decision.grant()
            : Decision.waitFor(sorted.get(ourIndex - maxLeases));
      }
    };
  }
}
