package io.paddock.contract;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.SessionConnectionStateErrorPolicy;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.leader.LeaderLatchListener;
import io.paddock.recipes.leader.LeaderObserver;
import io.paddock.recipes.leader.LeaderSelector;
import io.paddock.recipes.leader.LeaderSelectorListenerAdapter;
import io.paddock.recipes.leader.Participant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Leader election on every core (RECIPES.md 3.2, scenarios 17–19, 23–24, and observing from 5.7):
 * one latch leader and exact succession, failover when the leader's session expires, nobody leads
 * while the core is down, selector rotation with autoRequeue, a selector leader's expiry, an
 * observer that follows without taking part, and on the ensemble one leader across the death of the
 * ensemble's own leader. Every test ends with the clean-state audit.
 */
class LeaderContractTest extends ContractTestBase {
  private static final Duration QUIET = Duration.ofMillis(500);
  private static final int ROTATIONS_EACH = 2;

  private record Candidate(PaddockFramework framework, LeaderLatch latch) {}

  private List<Candidate> candidates(String path, int n) throws Exception {
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PaddockFramework fw = newFramework();
      LeaderLatch latch = closeAfter(new LeaderLatch(fw, path, "c" + i));
      latch.start();
      all.add(new Candidate(fw, latch));
      int joined = i + 1;
      await().atMost(WAIT).until(() -> latch.getParticipants().size() == joined);
    }
    return all;
  }

  private static long leaders(List<Candidate> candidates) {
    return candidates.stream().filter(c -> c.latch().hasLeadership()).count();
  }

  private static PaddockFramework[] frameworks(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::framework).toArray(PaddockFramework[]::new);
  }

  private static final class Events implements LeaderLatchListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void isLeader() {
      seen.add("leader");
    }

    @Override
    public void notLeader() {
      seen.add("not");
    }
  }

  @ContractTest
  void oneLeaderClosingAMiddleCandidatePromotesNobodyClosingTheLeaderPromotesOne(CoreKind core)
      throws Exception {
    String path = path("latch");
    List<Candidate> all = candidates(path, 3);
    LeaderLatch first = all.get(0).latch();
    LeaderLatch last = all.get(2).latch();
    await().atMost(WAIT).until(() -> leaders(all) == 1 && first.hasLeadership());
    assertEquals("c0", first.getLeader().orElseThrow().id());
    long firstToken = first.leadershipGrant().orElseThrow().token();
    all.get(1).latch().close();
    await().during(QUIET).atMost(WAIT).until(() -> first.hasLeadership() && !last.hasLeadership());
    first.close();
    await().atMost(WAIT).until(last::hasLeadership);
    assertEquals(1, leaders(all), "exactly one successor");
    assertTrue(last.leadershipGrant().orElseThrow().token() > firstToken, "the token grew");
    last.close();
    assertCleanAfterClose(path, frameworks(all));
  }

  @ContractTest
  void whenTheLeadersSessionExpiresAnotherLeadsAndTheOldOneNeverLeadsOnItsStaleNode(CoreKind core)
      throws Exception {
    String path = path("expiry");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    LeaderLatch la = closeAfter(new LeaderLatch(a, path, "a"));
    Events events = new Events();
    la.addListener(events);
    la.start();
    assertTrue(la.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    String staleNode = la.getOurPath();
    LeaderLatch lb = closeAfter(new LeaderLatch(b, path, "b"));
    lb.start();
    await().atMost(WAIT).until(() -> lb.getParticipants().size() == 2);
    expireSession(a);
    await().atMost(WAIT).until(lb::hasLeadership);
    await().atMost(WAIT).until(() -> events.seen.contains("not"));
    await().atMost(WAIT).until(() -> la.getOurPath() != null && !la.getOurPath().equals(staleNode));
    await().during(QUIET).atMost(WAIT).until(() -> !la.hasLeadership() && lb.hasLeadership());
    assertEquals("b", lb.getLeader().orElseThrow().id());
    assertEquals(2, lb.getParticipants().size(), "the expired candidate joined again, once");
    la.close();
    lb.close();
    assertCleanAfterClose(path, a, b);
  }

  @ContractTest
  void withTheCoreDownNobodyLeadsAndAfterItExactlyOneDoes(CoreKind core) throws Exception {
    String path = path("down");
    List<Candidate> all = candidates(path, 2);
    await().atMost(WAIT).until(() -> leaders(all) == 1);
    stopServer();
    try {
      await().atMost(WAIT).until(() -> leaders(all) == 0);
    } finally {
      startServer();
    }
    await().atMost(WAIT).until(() -> leaders(all) == 1);
    await().during(QUIET).atMost(WAIT).until(() -> leaders(all) == 1);
    for (Candidate c : all) {
      c.latch().close();
    }
    assertCleanAfterClose(path, frameworks(all));
  }

  @ContractTest
  void theStandardPolicyDropsLeadershipWhenSuspendedTheSessionPolicyKeepsIt(CoreKind core)
      throws Exception {
    String standardPath = path("policy-standard");
    String sessionPath = path("policy-session");
    PaddockFramework standard = newFramework();
    PaddockFramework session =
        started(
            frameworkBuilder()
                .connectionStateErrorPolicy(new SessionConnectionStateErrorPolicy())
                .build());
    LeaderLatch ls = closeAfter(new LeaderLatch(standard, standardPath, "s"));
    LeaderLatch lp = closeAfter(new LeaderLatch(session, sessionPath, "p"));
    Events sessionEvents = new Events();
    lp.addListener(sessionEvents);
    ls.start();
    lp.start();
    assertTrue(ls.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertTrue(lp.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    stopServer();
    try {
      await().atMost(WAIT).until(() -> !ls.hasLeadership());
      assertTrue(lp.hasLeadership(), "the session policy keeps leadership while suspended");
    } finally {
      startServer();
    }
    await().atMost(WAIT).until(ls::hasLeadership);
    assertTrue(lp.hasLeadership());
    assertEquals(List.of("leader"), sessionEvents.seen, "never told it lost leadership");
    ls.close();
    lp.close();
    assertNoNodesUnder(standardPath);
    assertCleanAfterClose(sessionPath, standard, session);
  }

  @ContractTest
  void interruptLeadershipEndsTheCallbackAndRequeueKeepsParticipating(CoreKind core)
      throws Exception {
    String path = path("interrupt");
    PaddockFramework fw = newFramework();
    AtomicInteger interrupted = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    LeaderSelector selector =
        closeAfter(
            new LeaderSelector(
                fw,
                path,
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
    await().atMost(WAIT).until(() -> interrupted.get() == 1 && started.get() == 2);
    assertTrue(selector.hasLeadership(), "requeued and leading again");
    selector.close();
    assertCleanAfterClose(path, fw);
  }

  @ContractTest
  void autoRequeueRotatesSelectorLeadershipAndTheCallbackNeverOverlaps(CoreKind core)
      throws Exception {
    String path = path("rotate");
    int candidates = 3;
    AtomicInteger leading = new AtomicInteger();
    AtomicInteger maxLeading = new AtomicInteger();
    Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();
    List<Long> tokens = new CopyOnWriteArrayList<>();
    List<PaddockFramework> fws = new ArrayList<>();
    List<LeaderSelector> selectors = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      PaddockFramework fw = newFramework();
      fws.add(fw);
      String id = "s" + i;
      turns.put(id, new AtomicInteger());
      LeaderSelector[] self = new LeaderSelector[1];
      LeaderSelector selector =
          closeAfter(
              new LeaderSelector(
                  fw,
                  path,
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
      selectors.add(selector);
      selector.setId(id);
      selector.autoRequeue();
      selector.start();
    }
    await()
        .atMost(WAIT.multipliedBy(2))
        .until(() -> turns.values().stream().allMatch(t -> t.get() >= ROTATIONS_EACH));
    for (LeaderSelector s : selectors) {
      s.close();
    }
    assertEquals(1, maxLeading.get(), "takeLeadership never ran twice at once");
    List<Long> seen = new ArrayList<>(tokens);
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i) > seen.get(i - 1), "tokens grow with every leadership: " + seen);
    }
    assertCleanAfterClose(path, fws.toArray(PaddockFramework[]::new));
  }

  @ContractTest
  void aSelectorLeaderWhoseSessionExpiresIsInterruptedAndAnotherLeads(CoreKind core)
      throws Exception {
    String path = path("selector-expiry");
    PaddockFramework a = newFramework();
    PaddockFramework b = newFramework();
    CountDownLatch aInterrupted = new CountDownLatch(1);
    CountDownLatch bLeads = new CountDownLatch(1);
    LeaderSelector sa = closeAfter(new LeaderSelector(a, path, blockingLeader(null, aInterrupted)));
    LeaderSelector sb = closeAfter(new LeaderSelector(b, path, blockingLeader(bLeads, null)));
    sa.setId("a");
    sa.start();
    await().atMost(WAIT).until(sa::hasLeadership);
    long oldToken = sa.leadershipGrant().orElseThrow().token();
    sb.setId("b");
    sb.start();
    await().atMost(WAIT).until(() -> sb.getParticipants().size() == 2);
    expireSession(a);
    assertTrue(aInterrupted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "a was interrupted");
    assertTrue(bLeads.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "b leads");
    assertTrue(sb.leadershipGrant().orElseThrow().token() > oldToken);
    assertEquals("b", sb.getLeader().orElseThrow().id());
    sa.close();
    sb.close();
    assertFalse(sb.hasLeadership());
    assertCleanAfterClose(path, a, b);
  }

  private static LeaderSelectorListenerAdapter blockingLeader(
      CountDownLatch leads, CountDownLatch interrupted) {
    return new LeaderSelectorListenerAdapter() {
      @Override
      public void takeLeadership(PaddockFramework f) throws InterruptedException {
        if (leads != null) {
          leads.countDown();
        }
        try {
          new CountDownLatch(1).await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          if (interrupted != null) {
            interrupted.countDown();
          }
          throw e;
        }
      }
    };
  }

  @ContractTest
  void anObserverFollowsTheLeaderWithoutTakingPart(CoreKind core) throws Exception {
    String path = path("observed");
    PaddockFramework watcherFw = newFramework();
    LeaderObserver observer = closeAfter(new LeaderObserver(watcherFw, path));
    List<Optional<Participant>> changes = new CopyOnWriteArrayList<>();
    observer.addListener(changes::add);
    observer.start();
    assertTrue(observer.currentLeader().isEmpty(), "no election yet");
    List<Candidate> all = candidates(path, 2);
    LeaderLatch alpha = all.get(0).latch();
    await()
        .atMost(WAIT)
        .until(() -> observer.currentLeader().map(Participant::id).orElse("").equals("c0"));
    assertEquals(
        alpha.leadershipGrant().orElseThrow().token(), observer.currentLeader().get().token());
    assertEquals(2, alpha.getParticipants().size(), "the observer is no participant");
    alpha.close();
    await()
        .atMost(WAIT)
        .until(() -> observer.currentLeader().map(Participant::id).orElse("").equals("c1"));
    all.get(1).latch().close();
    await().atMost(WAIT).until(() -> observer.currentLeader().isEmpty());
    // A candidate that re-created its node (after a reconnect on a loaded machine: seen on the
    // ensemble core) is a new leader node with the same id, reached through a moment without a
    // leader node; the observer reports both. So repeats, and gaps before the end, are allowed:
    // what must hold is the order of the leaders and that nobody leads at the end.
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      String id = changes.get(i).map(Participant::id).orElse("");
      boolean gapBeforeTheEnd = id.isEmpty() && i < changes.size() - 1;
      if (!gapBeforeTheEnd && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id))) {
        ids.add(id);
      }
    }
    assertEquals(List.of("c0", "c1", ""), ids, "the leaders in order: " + changes);
    observer.close();
    List<PaddockFramework> fws = new ArrayList<>(List.of(frameworks(all)));
    fws.add(watcherFw);
    assertCleanAfterClose(path, fws.toArray(PaddockFramework[]::new));
  }

  @ContractTest
  void oneLatchLeaderAcrossTheDeathOfTheEnsemblesLeader(CoreKind core) throws Exception {
    assumeTrue(core().hasLeader(), "only an ensemble has a leader to kill");
    String path = path("ensemble-leader-death");
    List<Candidate> all = candidates(path, 3);
    await().atMost(WAIT).until(() -> leaders(all) == 1);
    AtomicInteger maxLeaders = new AtomicInteger(1);
    killLeader();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              maxLeaders.accumulateAndGet((int) leaders(all), Math::max);
              return leaders(all) == 1 && all.stream().allMatch(c -> c.framework().isConnected());
            });
    await().during(QUIET).atMost(WAIT).until(() -> leaders(all) == 1);
    assertEquals(1, maxLeaders.get(), "never two leaders seen during the failover");
    assertEquals(3, all.get(0).latch().getParticipants().size(), "every candidate is still in");
    for (Candidate c : all) {
      c.latch().close();
    }
    assertCleanAfterClose(path, frameworks(all));
  }
}
