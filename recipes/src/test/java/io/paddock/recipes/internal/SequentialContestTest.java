package io.paddock.recipes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.CreateResult;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import io.paddock.store.model.ZnodePaths;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contest loop: order, herd-freedom, timeouts, a vanished node, and the participant list. */
class SequentialContestTest extends RecipeTestBase {
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  @Test
  void eachWaiterWatchesOnlyItsPredecessorAndTheFirstHolds() throws Exception {
    PaddockFramework fw = newFramework();
    WatcherRemovingFramework w = fw.newWatcherRemovingFramework();
    SequentialContest contest =
        new SequentialContest(w, "/contest1", ContestDriver.standard("lock-", 1));
    CreateResult a = contest.enter("lock-", null).get();
    CreateResult b = contest.enter("lock-", null).get();
    CreateResult c = contest.enter("lock-", null).get();
    assertTrue(contest.awaitTurn(a.path(), NO_DEADLINE, new CompletableFuture<>()).get());
    CompletableFuture<Boolean> bTurn = waitForTurn(contest, b);
    CompletableFuture<Boolean> cTurn = waitForTurn(contest, c);
    awaitDataWatches(fw, a, b, c);
    assertEquals(4, w.trackedWatchCount(), "per waiter: its predecessor and its own node");

    fw.delete().forPath(b.path()); // a middle node leaves: c re-checks, is still not first
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> hasWatch(fw, a.path(), WatcherType.DATA) && !cTurn.isDone());
    assertFalse(cTurn.isDone(), "a deleted predecessor is a re-check, not a takeover");

    fw.delete().forPath(a.path());
    assertTrue(cTurn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertThrows(ExecutionException.class, bTurn::get, "b's own node is gone");
    fw.delete().forPath(c.path());
    w.removeWatchers();
    org.awaitility.Awaitility.await().atMost(WAIT).until(() -> w.trackedWatchCount() == 0);
  }

  @Test
  void theNextInLineTakesOverOnTheDeleteEventWithoutListingAgain() throws Exception {
    PaddockFramework fw = newFramework();
    CountingDriver driver = new CountingDriver(ContestDriver.standard("lock-", 1));
    SequentialContest contest =
        new SequentialContest(fw.newWatcherRemovingFramework(), "/contest5", driver);
    CreateResult a = contest.enter("lock-", null).get();
    CreateResult b = contest.enter("lock-", null).get();
    CompletableFuture<Boolean> bTurn = waitForTurn(contest, b);
    awaitDataWatches(fw, a, b);
    int listingsBefore = driver.listings();
    fw.delete().forPath(a.path());
    assertTrue(bTurn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals(listingsBefore, driver.listings(), "granted on the event, no second listing");
  }

  @Test
  void aWaiterWhoseOwnNodeWasDeletedFailsEvenWhenItsPredecessorGoesNext() throws Exception {
    PaddockFramework fw = newFramework();
    SequentialContest contest = lockContest(fw, "/contest6");
    CreateResult a = contest.enter("lock-", null).get();
    CreateResult b = contest.enter("lock-", null).get();
    CompletableFuture<Boolean> bTurn = waitForTurn(contest, b);
    awaitDataWatches(fw, a, b);
    fw.transaction().delete(b.path()).delete(a.path()).commit(); // ours first, then the predecessor
    ExecutionException e =
        assertThrows(
            ExecutionException.class, () -> bTurn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertTrue(
        e.getCause() instanceof io.paddock.client.PaddockException.NoNodeException,
        "no grant on a node that is gone: " + e.getCause());
  }

  /** A mutex-like contest (nodes named lock-, one holder) at {@code path}. */
  private static SequentialContest lockContest(PaddockFramework fw, String path) {
    return new SequentialContest(
        fw.newWatcherRemovingFramework(), path, ContestDriver.standard("lock-", 1));
  }

  private static CompletableFuture<Boolean> waitForTurn(SequentialContest contest, CreateResult r) {
    return contest.awaitTurn(r.path(), NO_DEADLINE, new CompletableFuture<>());
  }

  /** Waits until the session of {@code fw} holds a data watch on each node. */
  private void awaitDataWatches(PaddockFramework fw, CreateResult... nodes) {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              for (CreateResult n : nodes) {
                if (!hasWatch(fw, n.path(), WatcherType.DATA)) {
                  return false;
                }
              }
              return true;
            });
  }

  /** A driver that counts the listings it filters (one isParticipant pass per listing). */
  private static final class CountingDriver implements ContestDriver {
    private final ContestDriver inner;
    private final java.util.concurrent.atomic.AtomicInteger listings =
        new java.util.concurrent.atomic.AtomicInteger();

    CountingDriver(ContestDriver inner) {
      this.inner = inner;
    }

    int listings() {
      return listings.get();
    }

    @Override
    public boolean isParticipant(String childName) {
      if (childName.contains("lock-")) {
        listings.incrementAndGet(); // counts per participant; any listing adds to it
      }
      return inner.isParticipant(childName);
    }

    @Override
    public Decision decide(List<String> sorted, int ourIndex) {
      return inner.decide(sorted, ourIndex);
    }
  }

  @Test
  void aTimedOutWaitAnswersFalseAndRemovesItsWatch() throws Exception {
    PaddockFramework fw = newFramework();
    WatcherRemovingFramework w = fw.newWatcherRemovingFramework();
    SequentialContest contest =
        new SequentialContest(w, "/contest2", ContestDriver.standard("lock-", 1));
    CreateResult a = contest.enter("lock-", null).get();
    CreateResult b = contest.enter("lock-", null).get();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
    assertFalse(contest.awaitTurn(b.path(), deadline, new CompletableFuture<>()).get());
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> !hasWatch(fw, a.path(), WatcherType.DATA));
  }

  @Test
  void aCancelledWaitAnswersFalse() throws Exception {
    PaddockFramework fw = newFramework();
    SequentialContest contest = lockContest(fw, "/contest3");
    contest.enter("lock-", null).get();
    CreateResult b = contest.enter("lock-", null).get();
    CompletableFuture<Void> cancel = new CompletableFuture<>();
    CompletableFuture<Boolean> turn = contest.awaitTurn(b.path(), NO_DEADLINE, cancel);
    cancel.complete(null);
    assertFalse(turn.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Test
  void participantsComeInSequenceOrderWithTheirData() throws Exception {
    PaddockFramework fw = newFramework();
    SequentialContest contest =
        new SequentialContest(
            fw.newWatcherRemovingFramework(), "/contest4", ContestDriver.standard("latch-", 1));
    for (String id : List.of("one", "two", "three")) {
      contest.enter("latch-", id.getBytes(StandardCharsets.UTF_8)).get();
    }
    fw.create().forPath("/contest4/stray"); // not a participant
    List<ParticipantNode> nodes =
        Participants.list(fw, "/contest4", ContestDriver.standard("latch-", 1)).get();
    assertEquals(
        List.of("one", "two", "three"),
        nodes.stream().map(n -> new String(n.data(), StandardCharsets.UTF_8)).toList());
    assertTrue(CreateOperation.isProtected(ZnodePaths.name(nodes.get(0).path())));
  }

  @Test
  void sequencesSortByTheirSuffixWhateverThePrefix() {
    List<String> names =
        List.of(
            "_c_aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa-lock-0000000003",
            "_c_bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb-lock-0000000001",
            "_c_00000000-0000-0000-0000-000000000000-lock-0000000002");
    List<String> sorted = Sequences.sorted(names, "lock-");
    assertEquals(List.of(1L, 2L, 3L), sorted.stream().map(Sequences::sequence).toList());
    assertThrows(IllegalArgumentException.class, () -> Sequences.sequence("lock-12"));
    assertEquals("lock-0000000003", CreateOperation.stripProtection(names.get(0)));
  }

  @Test
  void aLifecycleStartsOnceAndClosesOnce() {
    Lifecycle lifecycle = new Lifecycle("thing");
    assertThrows(IllegalStateException.class, lifecycle::checkStarted);
    lifecycle.start();
    assertThrows(IllegalStateException.class, lifecycle::start);
    assertTrue(lifecycle.close());
    assertFalse(lifecycle.close());
    assertThrows(IllegalStateException.class, lifecycle::start, "no restart after close");
  }
}
