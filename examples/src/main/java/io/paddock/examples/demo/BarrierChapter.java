package io.paddock.examples.demo;

import io.paddock.recipes.barriers.DistributedBarrier;
import io.paddock.recipes.barriers.DistributedDoubleBarrier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Barriers: the apps wait at a barrier until the operator lifts it; then they meet at a double
 * barrier, where nobody starts before all have arrived and nobody goes before all are done.
 */
final class BarrierChapter implements TourChapter {
  static final String BARRIER_PATH = "/demo/barrier";
  static final String DOUBLE_BARRIER_PATH = "/demo/double-barrier";

  private static final long STAGGER_MS = 150;
  private static final long BARRIER_UP_MS = 200;

  @Override
  public String title() {
    return "Barrier";
  }

  @Override
  public String shows() {
    return "The operator sets a DistributedBarrier; the apps wait at it until it is lifted. Then\n"
        + "they meet at a DistributedDoubleBarrier for "
        + TourStage.APPS
        + ": they arrive one by one, start together, finish together.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    DistributedBarrier gate = new DistributedBarrier(stage.operator(), BARRIER_PATH);
    gate.setBarrier();
    AtomicInteger waiting = new AtomicInteger();
    AtomicInteger passed = new AtomicInteger();
    AtomicInteger arrived = new AtomicInteger();
    AtomicInteger startedEarly = new AtomicInteger();
    ExecutorService apps = Executors.newFixedThreadPool(TourStage.APPS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int app = 1; app <= TourStage.APPS; app++) {
        int number = app;
        done.add(
            apps.submit(
                () -> {
                  DistributedBarrier barrier =
                      new DistributedBarrier(stage.app(number), BARRIER_PATH);
                  waiting.incrementAndGet();
                  if (!barrier.waitOnBarrier(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new TourCheckFailed(TourStage.appName(number) + " to pass the barrier");
                  }
                  passed.incrementAndGet();
                  meet(stage, number, narrator, arrived, startedEarly);
                  return null;
                }));
      }
      awaitCount(waiting, TourStage.APPS);
      narrator.happened("%d apps wait at %s", TourStage.APPS, BARRIER_PATH);
      Thread.sleep(BARRIER_UP_MS); // the operator's work, which the apps wait for
      narrator.check(passed.get() == 0, "nobody passes a barrier that is up");
      gate.removeBarrier();
      narrator.happened("the operator lifts the barrier");
      for (Future<?> future : done) {
        future.get(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      narrator.check(passed.get() == TourStage.APPS, "every app passed once it was lifted");
      narrator.check(
          startedEarly.get() == 0, "at the double barrier, nobody started before all had arrived");
    } finally {
      apps.shutdownNow();
    }
  }

  /** One app at the double barrier: arrives (staggered), works, leaves with the others. */
  private static void meet(
      TourStage stage,
      int number,
      Narrator narrator,
      AtomicInteger arrived,
      AtomicInteger startedEarly)
      throws Exception {
    String name = TourStage.appName(number);
    Thread.sleep(STAGGER_MS * number); // the apps arrive one after another
    DistributedDoubleBarrier meeting =
        new DistributedDoubleBarrier(stage.app(number), DOUBLE_BARRIER_PATH, TourStage.APPS);
    narrator.happened("%s arrives at the double barrier", name);
    arrived.incrementAndGet();
    long arrivedAt = System.nanoTime();
    if (!meeting.enter(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new TourCheckFailed(name + " to enter the double barrier");
    }
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrivedAt);
    if (arrived.get() < TourStage.APPS) {
      startedEarly.incrementAndGet();
    }
    narrator.happened("%s starts its work (it waited %d ms for the others)", name, waitedMs);
    if (!meeting.leave(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new TourCheckFailed(name + " to leave the double barrier");
    }
  }

  private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TourStage.WAIT.toNanos();
    while (count.get() < expected) {
      if (System.nanoTime() - deadline > 0) {
        throw new TourCheckFailed(expected + " apps to reach the barrier");
      }
      Thread.sleep(10);
    }
  }
}
