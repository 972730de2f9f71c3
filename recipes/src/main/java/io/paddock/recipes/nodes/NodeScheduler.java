package io.paddock.recipes.nodes;

import io.paddock.recipes.internal.ClientThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one daemon thread that schedules the retries of persistent nodes and the touches of TTL
 * nodes. Its tasks only issue asynchronous requests, so one thread serves every node.
 */
final class NodeScheduler {
  /** The shared scheduler. */
  static final ScheduledExecutorService INSTANCE =
      Executors.newSingleThreadScheduledExecutor(ClientThreads.daemon("paddock-persistent-node"));

  private NodeScheduler() {}
}
