package io.paddock.recipes.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Marks the raw client's threads, so a blocking framework call made on one of them (from a watcher
 * or a completion stage) fails at once instead of deadlocking the client's event thread.
 */
public final class ClientThreads {
  private static final ThreadLocal<Boolean> CLIENT_THREAD = ThreadLocal.withInitial(() -> false);

  private ClientThreads() {}

  /** A factory whose threads are marked as client threads. */
  public static ThreadFactory marking(ThreadFactory base) {
    return r ->
        base.newThread(
            () -> {
              CLIENT_THREAD.set(true);
              r.run();
            });
  }

  /** True on a thread a {@link #marking} factory made. */
  public static boolean isClientThread() {
    return CLIENT_THREAD.get();
  }

  /** A factory of daemon threads named {@code prefix-N}. */
  public static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
