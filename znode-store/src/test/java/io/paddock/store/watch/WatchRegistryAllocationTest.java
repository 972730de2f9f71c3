package io.paddock.store.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.EventType;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The trigger hot path allocates nothing when nobody watches the event's path and no recursive
 * watch exists (in particular, it does not walk the parent paths). A control run with one recursive
 * watch elsewhere shows the measurement does see the walk's allocations.
 */
class WatchRegistryAllocationTest {
  private static final int ROUNDS = 10_000;
  private static final long NOISE_BYTES_MAX = 8 * 1024;
  private static final String DEEP = "/a/b/c/d/e/f/g/h";

  private static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    work.run(); // warm up class loading and the JIT's first tier
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private static Runnable triggers(WatchRegistry<Object> registry, WatchEvent event) {
    return () -> {
      for (int i = 0; i < ROUNDS; i++) {
        if (!registry.trigger(event).isEmpty()) {
          throw new AssertionError("nobody should be told");
        }
      }
    };
  }

  @Test
  void unwatchedPathWithoutRecursiveWatchesAllocatesNothing() {
    WatchRegistry<Object> registry = new WatchRegistry<>();
    Object other = new Object();
    registry.addDataWatch("/a", other); // watches elsewhere, even on an ancestor
    registry.addPersistentWatch("/a/b", other);
    registry.addChildWatch("/a/b/c/d/e/f/g", other); // and the child table on the parent
    WatchEvent event = new WatchEvent(EventType.NODE_DATA_CHANGED, DEEP, 9);
    long bytes = allocatedBy(triggers(registry, event));
    assertTrue(bytes < NOISE_BYTES_MAX, ROUNDS + " triggers allocated " + bytes + " bytes");
  }

  @Test
  void controlARecursiveWatchElsewhereMakesTheWalkVisible() {
    WatchRegistry<Object> registry = new WatchRegistry<>();
    registry.addPersistentRecursiveWatch("/z", new Object());
    WatchEvent event = new WatchEvent(EventType.NODE_DATA_CHANGED, DEEP, 9);
    long bytes = allocatedBy(triggers(registry, event));
    assertTrue(bytes > NOISE_BYTES_MAX * 10, "the parent walk allocated only " + bytes + " bytes");
  }
}
