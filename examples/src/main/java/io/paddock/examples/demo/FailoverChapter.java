package io.paddock.examples.demo;

import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.locks.InterProcessMutex;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The ensemble's leader is killed in the middle of work: a process that ran on the same machine (it
 * held a lock and led an election) dies with it. The ensemble elects a new leader, the lock goes to
 * the worker that waited for it, leadership passes to another app, and the queue's consumers drain
 * it with nothing lost.
 */
final class FailoverChapter implements TourChapter {
  static final String LOCK_PATH = "/demo/failover/lock";
  static final String ELECTION_PATH = "/demo/failover/leader";
  static final String LOCAL_NAME = "app-4";

  @Override
  public String title() {
    return "Failover: the ensemble's leader dies";
  }

  @Override
  public String shows() {
    return "app-4 runs on the leading member's machine and talks only to it: it holds a lock and\n"
        + "leads an election, while app-2 waits for the lock and app-1, app-3 queue for leadership.\n"
        + "Then the leading member is killed, and app-4 with it.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    long oldLeader = stage.ensemble().leaderId().orElseThrow(() -> noLeader());
    PaddockFramework local = stage.newProcessNextTo(oldLeader);

    InterProcessMutex localLock = new InterProcessMutex(local, LOCK_PATH);
    localLock.acquire();
    Grant localGrant = localLock.grant();
    LockWaiter waiter = LockWaiter.start(stage.app(2), LOCK_PATH);

    LeaderLatch localLatch = new LeaderLatch(local, ELECTION_PATH, LOCAL_NAME);
    localLatch.start();
    if (!localLatch.await(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new TourCheckFailed(LOCAL_NAME + " to lead the election before the failure");
    }
    LeaderLatch latch1 = new LeaderLatch(stage.app(1), ELECTION_PATH, TourStage.appName(1));
    LeaderLatch latch3 = new LeaderLatch(stage.app(3), ELECTION_PATH, TourStage.appName(3));
    List<LeaderLatch> survivors = List.of(latch1, latch3);
    try {
      survivors.forEach(LeaderLatch::start);
      narrator.happened(
          "%s holds %s (token %d) and leads %s; member %d leads the ensemble",
          LOCAL_NAME, LOCK_PATH, localGrant.token(), ELECTION_PATH, oldLeader);

      long killedAt = System.nanoTime();
      stage.ensemble().kill(oldLeader);
      local.close(); // the process on that machine dies with it
      narrator.happened("member %d is killed, and %s with it", oldLeader, LOCAL_NAME);

      long newLeader = stage.ensemble().awaitLeader(TourStage.WAIT);
      narrator.happened(
          "ensemble leader: member %d -> member %d, elected in %.1f s",
          oldLeader, newLeader, Narrator.seconds(since(killedAt)));
      narrator.check(newLeader != oldLeader, "a surviving member leads the ensemble");

      Grant handedOver = waiter.awaitGrant();
      narrator.happened(
          "lock: %s (token %d) -> app-2 (token %d), %.1f s after the kill (once %s's session"
              + " expired)",
          LOCAL_NAME,
          localGrant.token(),
          handedOver.token(),
          Narrator.seconds(waiter.grantedAfter(killedAt)),
          LOCAL_NAME);
      narrator.check(
          handedOver.token() > localGrant.token(),
          "the waiting worker got the lock, with a larger fencing token");

      LeaderLatch next = LeaderChapter.awaitLeader(survivors);
      narrator.happened(
          "app leader: %s -> %s, %.1f s after the kill",
          LOCAL_NAME, next.getId(), Narrator.seconds(since(killedAt)));
      narrator.check(
          survivors.stream().filter(LeaderLatch::hasLeadership).count() == 1,
          "exactly one surviving app leads");
    } finally {
      waiter.close();
      survivors.forEach(LeaderLatch::close);
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private static TourCheckFailed noLeader() {
    return new TourCheckFailed("the ensemble to have a leader before the failure");
  }

  /** A worker that waits for a lock on its own thread and releases it when closed. */
  private static final class LockWaiter implements AutoCloseable {
    private final InterProcessMutex lock;
    private final CompletableFuture<Grant> granted = new CompletableFuture<>();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final Thread thread;
    private volatile long grantedAtNanos;

    private LockWaiter(PaddockFramework framework, String path) {
      this.lock = new InterProcessMutex(framework, path);
      this.thread = new Thread(this::holdUntilClosed, "demo-lock-waiter");
      thread.setDaemon(true);
    }

    static LockWaiter start(PaddockFramework framework, String path) {
      LockWaiter waiter = new LockWaiter(framework, path);
      waiter.thread.start();
      return waiter;
    }

    private void holdUntilClosed() {
      try {
        lock.acquire();
        grantedAtNanos = System.nanoTime();
        granted.complete(lock.grant());
        released.join();
        lock.release();
      } catch (Exception e) {
        granted.completeExceptionally(e);
      }
    }

    Grant awaitGrant() throws Exception {
      return granted.get(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    Duration grantedAfter(long nanos) {
      return Duration.ofNanos(grantedAtNanos - nanos);
    }

    @Override
    public void close() throws InterruptedException {
      released.complete(null);
      thread.interrupt();
      thread.join(TourStage.WAIT.toMillis());
    }
  }
}
