package io.paddock.examples.demo;

import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.atomic.AtomicValue;
import io.paddock.recipes.atomic.DistributedAtomicLong;
import io.paddock.recipes.atomic.PromotedToLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A distributed counter: the apps increment it at once; not one increment is lost. */
final class CounterChapter implements TourChapter {
  static final String COUNTER_PATH = "/demo/counter";
  static final String PROMOTION_LOCK_PATH = "/demo/counter-lock";
  static final int INCREMENTS_PER_APP = 20;

  private static final int CAS_RETRIES = 5;
  private static final int CAS_RETRY_SLEEP_MS = 10;
  private static final long LOCK_WAIT_S = 10;
  private static final int ATTEMPTS_MAX = 10;

  @Override
  public String title() {
    return "Counter";
  }

  @Override
  public String shows() {
    return "The three apps increment one DistributedAtomicLong "
        + INCREMENTS_PER_APP
        + " times each, all at once.\nEvery increment is a compare-and-set; under persistent"
        + " contention it takes a lock.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    AtomicInteger retries = new AtomicInteger();
    ExecutorService apps = Executors.newFixedThreadPool(TourStage.APPS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int app = 1; app <= TourStage.APPS; app++) {
        DistributedAtomicLong counter = counterOf(stage, app);
        done.add(apps.submit(() -> incrementAll(counter, retries)));
      }
      for (Future<?> future : done) {
        future.get(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      apps.shutdownNow();
    }
    long value =
        TourStage.readLatest(
            stage.app(1), COUNTER_PATH, new RetryNTimes(CAS_RETRIES, CAS_RETRY_SLEEP_MS));
    narrator.happened(
        "%d increments, %d of them retried after losing a race; the counter reads %d",
        TourStage.APPS * INCREMENTS_PER_APP, retries.get(), value);
    narrator.check(value == (long) TourStage.APPS * INCREMENTS_PER_APP, "no increment was lost");
  }

  private static DistributedAtomicLong counterOf(TourStage stage, int app) {
    return new DistributedAtomicLong(
        stage.app(app),
        COUNTER_PATH,
        new RetryNTimes(CAS_RETRIES, CAS_RETRY_SLEEP_MS),
        PromotedToLock.of(PROMOTION_LOCK_PATH, LOCK_WAIT_S, TimeUnit.SECONDS));
  }

  private static Void incrementAll(DistributedAtomicLong counter, AtomicInteger retries)
      throws Exception {
    for (int i = 0; i < INCREMENTS_PER_APP; i++) {
      AtomicValue<Long> result = counter.increment();
      for (int attempt = 1; !result.succeeded(); attempt++) {
        if (attempt == ATTEMPTS_MAX) {
          throw new TourCheckFailed("an increment to succeed within " + ATTEMPTS_MAX + " attempts");
        }
        result = counter.increment();
      }
      if (result.getStats().getOptimisticTries() > 1
          || result.getStats().getPromotedLockTries() > 0) {
        retries.incrementAndGet();
      }
    }
    return null;
  }
}
