package io.paddock.recipes.leader;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Leader selectors and the observer: rotation, interruption, expiry, close, observing. */
class LeaderSelectorTest extends RecipeTestBase {
  private static final int ROTATIONS_EACH = 2;

  @Test
  void autoRequeueRotatesLeadershipAndTheCallbackNeverOverlaps() throws Exception {
    int candidates = 3;
    AtomicInteger leading = new AtomicInteger();
    AtomicInteger maxLeading = new AtomicInteger();
    Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    List<Long> tokens = new CopyOnWriteArrayList<>();
    for (int i = 0; i < candidates; i++) {
      PaddockFramework fw = newFramework();
      String id = "s" + i;
      turns.put(id, new AtomicInteger());
      LeaderSelector[] self = new LeaderSelector[1];
      LeaderSelector selector =
          closeAfter(
              new LeaderSelector(
                  fw,
                  "/ls/rotate",
                  new LeaderSelectorListenerAdapter() {
                    @Override
                    public void takeLeadership(PaddockFramework f) {
                      maxLeading.accumulateAndGet(leading.incrementAndGet(), Math::max);
                      tokens.add(self[0].leadershipGrant().orElseThrow().token());
                      turns.get(id).incrementAndGet();
                      leading.decrementAndGet();
                    }
                  }));
      self[0] = selector;
      selector.setId(id);
      selector.autoRequeue();
      selector.start();
    }
    await()
        .atMost(WAIT.multipliedBy(2))
        .until(() -> turns.values().stream().allMatch(t -> t.get() >= ROTATIONS_EACH));
    assertEquals(1, maxLeading.get(), "takeLeadership never ran twice at once");
    List<Long> seen = new ArrayList<>(tokens);
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i) > seen.get(i - 1), "tokens grow with every leadership: " + seen);
    }
  }

  @Test
  void interruptLeadershipEndsTheCallbackAndRequeueKeepsParticipating() throws Exception {
    PaddockFramework fw = newFramework();
    AtomicInteger interrupted = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    LeaderSelector selector =
        closeAfter(
            new LeaderSelector(
                fw,
                "/ls/interrupt",
                new LeaderSelectorListenerAdapter() {
                  @Override
                  public void takeLeadership(PaddockFramework f) {
                    started.incrementAndGet();
                    try {
                      new CountDownLatch(1).await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      interrupted.incrementAndGet();
                    }
                  }
                }));
    selector.autoRequeue();
    selector.start();
    await().atMost(WAIT).until(() -> started.get() == 1 && selector.hasLeadership());
    selector.interruptLeadership();
    await().atMost(WAIT).until(() -> interrupted.get() == 1);
    await().atMost(WAIT).until(() -> started.get() == 2);
    assertTrue(selector.hasLeadership(), "requeued and leading again");
  }

  @Test
  void aLeaderWhoseSessionExpiresIsInterruptedAndAnotherLeads() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    CountDownLatch aInterrupted = new CountDownLatch(1);
    CountDownLatch bLeads = new CountDownLatch(1);
    LeaderSelector sa =
        closeAfter(
            new LeaderSelector(
                a,
                "/ls/expiry",
                new LeaderSelectorListenerAdapter() {
                  @Override
                  public void takeLeadership(PaddockFramework f) {
                    try {
                      new CountDownLatch(1).await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                      aInterrupted.countDown();
                    }
                  }
                }));
    LeaderSelector sb =
        closeAfter(
            new LeaderSelector(
                b,
                "/ls/expiry",
                new LeaderSelectorListenerAdapter() {
                  @Override
                  public void takeLeadership(PaddockFramework f) throws InterruptedException {
                    bLeads.countDown();
                    new CountDownLatch(1).await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
                  }
                }));
    sa.setId("a");
    sa.start();
    await().atMost(WAIT).until(sa::hasLeadership);
    Grant old = sa.leadershipGrant().orElseThrow();
    sb.setId("b");
    sb.start();
    await().atMost(WAIT).until(() -> sb.getParticipants().size() == 2);
    expireSession(a);
    assertTrue(aInterrupted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "a was interrupted");
    assertTrue(bLeads.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "b leads");
    assertTrue(sb.leadershipGrant().orElseThrow().token() > old.token());
    assertEquals("b", sb.getLeader().orElseThrow().id());
  }

  @Test
  void closingTheLeaderElectsTheNextAndLeavesNoNode() throws Exception {
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    CountDownLatch bLeads = new CountDownLatch(1);
    LeaderSelector sa = closeAfter(new LeaderSelector(a, "/ls/close", blockingLeader(null)));
    LeaderSelector sb = closeAfter(new LeaderSelector(b, "/ls/close", blockingLeader(bLeads)));
    sa.start();
    await().atMost(WAIT).until(sa::hasLeadership);
    sb.start();
    await().atMost(WAIT).until(() -> sb.getParticipants().size() == 2);
    sa.close();
    assertTrue(bLeads.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertFalse(sa.hasLeadership());
    sb.close();
    await().atMost(WAIT).until(() -> a.checkExists().forPath("/ls/close") == null);
  }

  private static LeaderSelectorListener blockingLeader(CountDownLatch leads) {
    return new LeaderSelectorListenerAdapter() {
      @Override
      public void takeLeadership(PaddockFramework f) throws InterruptedException {
        if (leads != null) {
          leads.countDown();
        }
        new CountDownLatch(1).await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
      }
    };
  }

  @Test
  void anObserverFollowsTheLeaderWithoutTakingPart() throws Exception {
    PaddockFramework watcherFw = newFramework();
    LeaderObserver observer = closeAfter(new LeaderObserver(watcherFw, "/ls/observed"));
    List<Optional<Participant>> changes = new CopyOnWriteArrayList<>();
    observer.addListener(changes::add);
    observer.start();
    assertTrue(observer.currentLeader().isEmpty(), "no election yet");

    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    LeaderLatch la = closeAfter(new LeaderLatch(a, "/ls/observed", "alpha"));
    LeaderLatch lb = closeAfter(new LeaderLatch(b, "/ls/observed", "beta"));
    la.start();
    la.await();
    lb.start();
    await().atMost(WAIT).until(() -> lb.getOurPath() != null);
    await()
        .atMost(WAIT)
        .until(() -> observer.currentLeader().map(Participant::id).orElse("").equals("alpha"));
    assertEquals(
        la.leadershipGrant().orElseThrow().token(), observer.currentLeader().get().token());
    la.close();
    await()
        .atMost(WAIT)
        .until(() -> observer.currentLeader().map(Participant::id).orElse("").equals("beta"));
    lb.close();
    await().atMost(WAIT).until(() -> observer.currentLeader().isEmpty());
    assertEquals(
        List.of("alpha", "beta", ""),
        changes.stream().map(p -> p.map(Participant::id).orElse("")).toList());
    observer.close();
    assertFalse(
        hasWatch(watcherFw, "/ls/observed", io.paddock.store.model.WatcherType.ANY),
        "a closed observer leaves no watch");
  }
}
