package io.paddock.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listener given to the builder sees the very first state change: build() starts connecting at
 * once, so a listener added afterwards could miss CONNECTING → CONNECTED.
 */
class BuilderListenerTest {
  @Test
  void listenerFromTheBuilderSeesTheFirstConnect(@TempDir Path dir) throws Exception {
    try (ZkServer zk = ZkServer.start(dir)) {
      List<String> changes = new CopyOnWriteArrayList<>();
      java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(1);
      try (PaddockClient client =
          PaddockClient.builder()
              .connectString(zk.connectString())
              .sessionTimeoutMs(4_000)
              .stateListener(
                  (previous, current) -> {
                    changes.add(previous + "->" + current);
                    if (current == ConnectionState.CONNECTED) {
                      connected.countDown();
                    }
                  })
              .build()) {
        assertEquals(true, connected.await(20, TimeUnit.SECONDS), "no CONNECTED seen: " + changes);
        assertEquals("CONNECTING->CONNECTED", changes.get(0));
      }
    }
  }
}
