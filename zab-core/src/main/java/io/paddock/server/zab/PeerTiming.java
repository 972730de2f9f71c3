package io.paddock.server.zab;

/**
 * The timeouts of a {@link ZabPeer}, all counted in peer ticks (the driver decides how long a tick
 * lasts; the server uses {@link #TICK_MS_DEFAULT}).
 *
 * @param finalizeTicks election: how long a peer waits for a better vote once a quorum agrees
 *     (ZooKeeper's finalizeWait)
 * @param notificationTicks election: how often a looking peer re-sends its vote when nothing
 *     arrives (doubling up to {@code notificationTicksMax})
 * @param notificationTicksMax the cap of that growth
 * @param initTicks discovery and synchronization must end within this (ZooKeeper's initLimit)
 * @param syncTicks in broadcast a peer that hears nothing from the other side for this long drops
 *     it; a leader without a quorum for this long steps down (ZooKeeper's syncLimit)
 * @param pingTicks how often the leader pings its learners and learners ping back
 */
public record PeerTiming(
    int finalizeTicks,
    int notificationTicks,
    int notificationTicksMax,
    int initTicks,
    int syncTicks,
    int pingTicks) {

  /**
   * The longest ping interval, in ms. ZooKeeper pings every half tickTime; we ping more often (a
   * ping is a few bytes) because a learner re-sends its FOLLOWERINFO at this pace when it was lost
   * during a leader change, which bounds how long a failover can take.
   */
  public static final int PING_MS = 100;

  /** The tick length the server drives its peer with. */
  public static final int TICK_MS_DEFAULT = 20;

  /** Validates every value is positive and the caps are consistent. */
  public PeerTiming {
    if (finalizeTicks < 1
        || notificationTicks < 1
        || notificationTicksMax < notificationTicks
        || initTicks < 1
        || syncTicks < 1
        || pingTicks < 1
        || pingTicks >= syncTicks) {
      throw new IllegalArgumentException(
          "invalid peer timing: "
              + finalizeTicks
              + "/"
              + notificationTicks
              + "/"
              + notificationTicksMax
              + "/"
              + initTicks
              + "/"
              + syncTicks
              + "/"
              + pingTicks);
    }
  }

  /**
   * The timing for a server with ZooKeeper's settings, at {@code tickMs} per peer tick.
   *
   * @param tickTimeMs zoo.cfg tickTime
   * @param initLimit zoo.cfg initLimit, in tickTimes
   * @param syncLimit zoo.cfg syncLimit, in tickTimes
   * @param tickMs the peer tick length
   */
  public static PeerTiming fromZooCfg(int tickTimeMs, int initLimit, int syncLimit, int tickMs) {
    int perTickTime = Math.max(1, tickTimeMs / tickMs);
    int finalize = Math.max(1, 60 / tickMs);
    int notify = Math.max(1, 100 / tickMs);
    int sync = Math.max(2, syncLimit * perTickTime);
    return new PeerTiming(
        finalize,
        notify,
        Math.max(notify, 60_000 / tickMs),
        Math.max(2, initLimit * perTickTime),
        sync,
        Math.max(1, Math.min(sync / 2, Math.min(perTickTime / 2, PING_MS / tickMs))));
  }
}
