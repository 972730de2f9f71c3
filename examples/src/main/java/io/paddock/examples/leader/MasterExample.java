package io.paddock.examples.leader;

import io.paddock.client.PaddockException;
import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EventType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The simplest leader election: "the first to create {@code /master} wins". Each candidate tries to
 * create the ephemeral node {@code /examples/master} holding its name; the one that succeeds is
 * master, the others read who is and watch the node. When the master's process ends, its session
 * closes and the node goes with it; the watchers race again and one of them wins. (Every waiter
 * wakes on each change: fine for a handful of candidates; with many, prefer {@link
 * LeaderLatchExample}.)
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.leader.MasterExample [connectString]} — without a connect string it starts
 * its own embedded server.
 */
public final class MasterExample {
  /** The master node. */
  public static final String MASTER_PATH = "/examples/master";

  static final int CANDIDATES = 3;
  private static final long TAKEOVER_WAIT_S = 20;
  private static final long WATCH_SLICE_S = 1;

  private MasterExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Runs the candidates, each on its own thread as separate processes would; each master in turn
   * quits until every candidate has been master.
   *
   * @throws IllegalStateException if no candidate takes over in time
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    cluster.newFramework().create().creatingParentsIfNeeded().orSetData().forPath("/examples");
    List<PaddockFramework> candidates = new ArrayList<>();
    for (int i = 1; i <= CANDIDATES; i++) {
      candidates.add(cluster.newFramework());
    }
    BlockingQueue<Integer> masters = new LinkedBlockingQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(CANDIDATES);
    try {
      for (int i = 0; i < CANDIDATES; i++) {
        int index = i;
        threads.execute(() -> campaign(candidates.get(index), index, masters, out));
      }
      for (int term = 1; term <= CANDIDATES; term++) {
        Integer master = masters.poll(TAKEOVER_WAIT_S, TimeUnit.SECONDS);
        if (master == null) {
          throw new IllegalStateException("nobody became master within " + TAKEOVER_WAIT_S + " s");
        }
        out.printf("%s is master; its process quits, so its session and node go%n", name(master));
        candidates.get(master).close();
      }
    } finally {
      threads.shutdownNow();
    }
    out.println("every candidate was master once");
  }

  /** One candidate: tries to create the master node until it wins (or its process quits). */
  private static void campaign(
      PaddockFramework framework, int index, BlockingQueue<Integer> masters, PrintStream out) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        if (tryToBecomeMaster(framework, name(index), out)) {
          masters.add(index);
          return;
        }
        CountDownLatch gone = new CountDownLatch(1);
        boolean exists =
            framework
                    .checkExists()
                    .usingWatcher(
                        e -> {
                          if (e.type() == EventType.NODE_DELETED) {
                            gone.countDown();
                          }
                        })
                    .forPath(MASTER_PATH)
                != null;
        if (exists) {
          gone.await(WATCH_SLICE_S, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (PaddockException | RuntimeException e) {
      out.printf("  %s gives up: %s%n", name(index), e);
    }
  }

  private static boolean tryToBecomeMaster(PaddockFramework framework, String name, PrintStream out)
      throws PaddockException, InterruptedException {
    try {
      framework.create().withMode(CreateMode.EPHEMERAL).forPath(MASTER_PATH, bytes(name));
      return true;
    } catch (PaddockException.NodeExistsException taken) {
      try {
        String master =
            new String(framework.getData().forPath(MASTER_PATH), StandardCharsets.UTF_8);
        if (master.equals(name)) {
          return true; // our own node from an attempt whose reply was lost
        }
        out.printf("  %s: %s is master already; I watch %s%n", name, master, MASTER_PATH);
      } catch (PaddockException.NoNodeException justGone) {
        out.printf("  %s: the master just left; I try again%n", name);
      }
      return false;
    }
  }

  private static String name(int index) {
    return "candidate-" + (index + 1);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
