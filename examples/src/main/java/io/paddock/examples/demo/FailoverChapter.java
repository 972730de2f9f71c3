package io.paddock.examples.demo;

import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.atomic.AtomicValue;
import io.paddock.recipes.atomic.DistributedAtomicLong;
import io.paddock.recipes.locks.InterProcessMutex;
import java.time.Duration;
import java.util.Map;
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
  static final String QUEUE_PATH = "/demo/failover/queue";
  static final String QUEUE_LOCK_PATH = "/demo/failover/queue-locks";
  static final String COUNTER_PATH = "/demo/failover/processed";
  static final String LOCAL_NAME = "app-4";

  /** Orders put on the queue before the failure. */
  static final int ORDERS = 40;

  /** Orders processed before the leader is killed, so the failure hits the queue mid-way. */
  static final int PROCESSED_BEFORE_KILL = 8;

  private static final long WORK_MS = 40;
  private static final int COUNTER_ATTEMPTS_MAX = 10;

  @Override
  public String title() {
    return "Failover: the ensemble's leader dies";
  }

  @Override
  public String shows() {
    return "app-4 runs on the leading member's machine and talks only to it: it holds a lock and\n"
        + "leads an election (LeaderSelector), while app-2 waits for the lock and app-1, app-3 queue\n"
        + "for leadership and work through "
        + ORDERS
        + " orders on a queue. Then the leading member is killed, and app-4 with it.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    long oldLeader = stage.ensemble().leaderId().orElseThrow(() -> noLeader());
    PaddockFramework local = stage.newProcessNextTo(oldLeader);
    InterProcessMutex localLock = new InterProcessMutex(local, LOCK_PATH);
    localLock.acquire();
    Grant localGrant = localLock.grant();
    try (LockWaiter waiter = LockWaiter.start(stage.app(2), LOCK_PATH);
        SelectorCandidates candidates = new SelectorCandidates(ELECTION_PATH);
        JobQueue orders = new JobQueue(QUEUE_PATH, QUEUE_LOCK_PATH, WORK_MS)) {
      SelectorCandidates.Leadership localLeadership = leadFirst(stage, local, candidates);
      startOrders(stage, orders);
      narrator.happened(
          "%s holds %s (token %d) and leads %s; member %d leads the ensemble",
          LOCAL_NAME, LOCK_PATH, localGrant.token(), ELECTION_PATH, oldLeader);
      narrator.happened("%d orders queued, %d processed so far", ORDERS, orders.processedCount());

      long killedAt = System.nanoTime();
      stage.ensemble().kill(oldLeader);
      local.close(); // the process on that machine dies with it: its connection, then its threads
      candidates.leave(LOCAL_NAME);
      narrator.happened("member %d is killed, and %s with it", oldLeader, LOCAL_NAME);

      long newLeader = stage.ensemble().awaitLeader(TourStage.WAIT);
      narrator.happened(
          "ensemble leader: member %d -> member %d, elected in %.1f s",
          oldLeader, newLeader, Narrator.seconds(since(killedAt)));
      narrator.check(newLeader != oldLeader, "a surviving member leads the ensemble");

      checkLockHandedOver(narrator, waiter, localGrant, killedAt);
      checkLeadershipPassed(narrator, candidates, localLeadership, killedAt);
      drainAndCount(stage, narrator, orders, killedAt);
    }
  }

  /** app-4 joins the election first and leads; then app-1 and app-3 queue behind it. */
  private static SelectorCandidates.Leadership leadFirst(
      TourStage stage, PaddockFramework local, SelectorCandidates candidates)
      throws InterruptedException {
    candidates.join(local, LOCAL_NAME);
    SelectorCandidates.Leadership leadership = candidates.awaitNext();
    if (!leadership.id().equals(LOCAL_NAME)) {
      throw new TourCheckFailed(LOCAL_NAME + " to lead the election before the failure");
    }
    candidates.join(stage.app(1), TourStage.appName(1));
    candidates.join(stage.app(3), TourStage.appName(3));
    return leadership;
  }

  /** The operator queues the orders; app-1 and app-3 start working through them. */
  private static void startOrders(TourStage stage, JobQueue orders) throws Exception {
    orders.startProducer(stage.operator());
    orders.startConsumer(stage.app(1), TourStage.appName(1));
    orders.startConsumer(stage.app(3), TourStage.appName(3));
    orders.produce("order", ORDERS);
    if (!orders.awaitProcessed(PROCESSED_BEFORE_KILL)) {
      throw new TourCheckFailed("the consumers to start on the orders");
    }
  }

  private static void checkLockHandedOver(
      Narrator narrator, LockWaiter waiter, Grant localGrant, long killedAt) throws Exception {
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
  }

  private static void checkLeadershipPassed(
      Narrator narrator,
      SelectorCandidates candidates,
      SelectorCandidates.Leadership localLeadership,
      long killedAt)
      throws InterruptedException {
    SelectorCandidates.Leadership next = candidates.awaitNext();
    narrator.happened(
        "app leader: %s -> %s (token %d), %.1f s after the kill",
        LOCAL_NAME,
        next.id(),
        next.token(),
        Narrator.seconds(Duration.ofNanos(next.beganNanos() - killedAt)));
    narrator.check(
        !next.id().equals(LOCAL_NAME) && next.token() > localLeadership.token(),
        "a surviving app leads, with a larger fencing token");
    narrator.check(candidates.leadingExcept(LOCAL_NAME) == 1, "exactly one surviving app leads");
  }

  /** Waits for the queue to drain, checks nothing was lost, and has the consumers count it. */
  private static void drainAndCount(
      TourStage stage, Narrator narrator, JobQueue orders, long killedAt) throws Exception {
    if (!orders.awaitProcessed(ORDERS)) {
      throw new TourCheckFailed(
          "the queue to drain (" + orders.processedCount() + " of " + ORDERS + " processed)");
    }
    narrator.happened(
        "queue drained %.1f s after the kill: %d produced, %d processed %s; %d delivered again"
            + " (at-least-once)",
        Narrator.seconds(Duration.ofNanos(orders.lastFirstProcessedNanos() - killedAt)),
        orders.producedCount(),
        orders.processedCount(),
        orders.processedByConsumer(),
        orders.redeliveries());
    narrator.check(orders.processedExactlyTheProduced(), "no order was lost");
    narrator.check(orders.awaitEmpty(), "every order was acknowledged: the queue is empty");
    RetryNTimes casRetries = new RetryNTimes(COUNTER_ATTEMPTS_MAX, 10);
    for (Map.Entry<String, Integer> tally : orders.processedByConsumer().entrySet()) {
      int app = Integer.parseInt(tally.getKey().substring("app-".length()));
      DistributedAtomicLong counter =
          new DistributedAtomicLong(stage.app(app), COUNTER_PATH, casRetries);
      AtomicValue<Long> added = counter.add(tally.getValue());
      for (int attempt = 1; !added.succeeded(); attempt++) {
        if (attempt == COUNTER_ATTEMPTS_MAX) {
          throw new TourCheckFailed(tally.getKey() + " to add to the counter");
        }
        added = counter.add(tally.getValue());
      }
    }
    long counted = TourStage.readLatest(stage.operator(), COUNTER_PATH, casRetries);
    narrator.happened("the consumers add their tallies to %s: it reads %d", COUNTER_PATH, counted);
    narrator.check(counted == orders.producedCount(), "the counter matches the orders produced");
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
