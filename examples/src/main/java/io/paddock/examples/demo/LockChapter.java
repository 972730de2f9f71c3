package io.paddock.examples.demo;

import io.paddock.client.PaddockException;
import io.paddock.recipes.Grant;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.locks.InterProcessMutex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The herd-free lock: the three apps contend; each grant has a larger fencing token and writes the
 * shared ledger through a guarded transaction; a released grant's guard is refused by the server.
 */
final class LockChapter implements TourChapter {
  static final String LOCK_PATH = "/demo/lock";
  static final String LEDGER_PATH = "/demo/ledger";

  private static final long HOLD_MS = 100;

  @Override
  public String title() {
    return "Locks with fencing tokens";
  }

  @Override
  public String shows() {
    return "The three apps contend for one InterProcessMutex. Each grant carries a fencing token\n"
        + "(the lock node's zxid) and the holder writes a shared ledger through a guarded\n"
        + "transaction, which the server applies only while the holder still has the lock.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    stage.operator().create().orSetData().creatingParentsIfNeeded().forPath(LEDGER_PATH);
    List<Long> tokensInGrantOrder = new ArrayList<>();
    ExecutorService workers = Executors.newFixedThreadPool(TourStage.APPS);
    try {
      List<Future<Grant>> grants = new ArrayList<>();
      for (int app = 1; app <= TourStage.APPS; app++) {
        PaddockFramework framework = stage.app(app);
        String name = TourStage.appName(app);
        grants.add(workers.submit(() -> holdOnce(framework, name, narrator, tokensInGrantOrder)));
      }
      Grant last = null;
      for (Future<Grant> grant : grants) {
        last = grant.get(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      narrator.check(
          isIncreasing(tokensInGrantOrder), "every grant's token is larger than the last");
      narrator.check(
          lateWriteIsRefused(stage.operator(), last, narrator),
          "the server fences off a holder that lost its lock");
    } finally {
      workers.shutdownNow();
    }
  }

  /** A write guarded by a released grant: the server must refuse it. */
  private static boolean lateWriteIsRefused(
      PaddockFramework framework, Grant released, Narrator narrator)
      throws PaddockException, InterruptedException {
    try {
      framework
          .transaction()
          .add(released.guard())
          .setData(LEDGER_PATH, bytes("a late write"))
          .commit();
      return false;
    } catch (PaddockException.NoNodeException refused) {
      narrator.happened(
          "a late write guarded by a released grant (token %d) is refused: %s",
          released.token(), refused.code());
      return true;
    }
  }

  private static Grant holdOnce(
      PaddockFramework framework, String name, Narrator narrator, List<Long> tokens)
      throws Exception {
    InterProcessMutex lock = new InterProcessMutex(framework, LOCK_PATH);
    lock.acquire();
    try {
      Grant grant = lock.grant();
      synchronized (tokens) {
        tokens.add(grant.token());
      }
      framework
          .transaction()
          .add(grant.guard())
          .setData(LEDGER_PATH, bytes(name + " with token " + grant.token()))
          .commit();
      narrator.happened("%s holds the lock (token %d) and writes the ledger", name, grant.token());
      Thread.sleep(HOLD_MS); // the work done under the lock
      return grant;
    } finally {
      lock.release();
    }
  }

  private static boolean isIncreasing(List<Long> tokens) {
    synchronized (tokens) {
      for (int i = 1; i < tokens.size(); i++) {
        if (tokens.get(i) <= tokens.get(i - 1)) {
          return false;
        }
      }
      return tokens.size() == TourStage.APPS;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
