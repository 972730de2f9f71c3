package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container and TTL reaper (PROTOCOL 9.4, 9.5). Check interval 1 s, 2 deletes a minute. */
class ReaperTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h =
        CoreHarness.start(
            dir,
            b ->
                b.extendedTypesEnabled(true)
                    .containerCheckIntervalMs(1000)
                    .containerMaxPerMinute(2));
    c = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private int exists(String path) {
    return c.call(OpCode.EXISTS, Requests.exists(path, false)).err();
  }

  private int remaining() {
    int left = 0;
    for (int i = 0; i < 5; i++) {
      left += exists("/k" + i) == 0 ? 1 : 0;
    }
    return left;
  }

  private void tick(long ms) {
    h.advance(ms);
    c.ping();
  }

  @Test
  void anEmptiedContainerIsReapedANeverUsedOneIsNot() {
    c.call(OpCode.CREATE_CONTAINER, create("/used", "", CreateMode.CONTAINER));
    c.call(OpCode.CREATE_CONTAINER, create("/unused", "", CreateMode.CONTAINER));
    c.call(OpCode.CREATE, create("/used/child", ""));
    tick(1001);
    assertEquals(0, exists("/used"), "it still has a child");
    c.call(OpCode.DELETE, Requests.delete("/used/child"));
    long before = h.core.lastProcessedZxid();
    tick(1001);
    assertEquals(ErrorCode.NONODE.code(), exists("/used"));
    assertEquals(before + 1, h.core.lastProcessedZxid(), "one deleteContainer txn");
    assertEquals(0, exists("/unused"), "maxNeverUsedIntervalMs 0: never-used containers stay");
  }

  @Test
  void anExpiredTtlNodeIsReaped() {
    c.call(
        OpCode.CREATE_TTL, Requests.createTtl("/ttl", CreateMode.PERSISTENT_WITH_TTL.flag(), 3000));
    tick(1001);
    assertEquals(0, exists("/ttl"), "within its TTL");
    tick(1001);
    tick(1001);
    tick(1001);
    assertEquals(ErrorCode.NONODE.code(), exists("/ttl"));
  }

  @Test
  void deletesAreLimitedPerMinute() {
    for (int i = 0; i < 5; i++) {
      c.call(OpCode.CREATE_CONTAINER, create("/k" + i, "", CreateMode.CONTAINER));
      c.call(OpCode.CREATE, create("/k" + i + "/c", ""));
      c.call(OpCode.DELETE, Requests.delete("/k" + i + "/c"));
    }
    tick(1001);
    assertEquals(3, remaining(), "2 of 5 reaped in the first check");
    for (int s = 0; s < 60; s++) {
      tick(1000);
    }
    assertEquals(1, remaining(), "one token a half minute: 2 more in the next minute");
    for (int s = 0; s < 30; s++) {
      tick(1000);
    }
    assertEquals(0, remaining());
  }
}
