package io.paddock.recipes.shared;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** SharedCount and SharedValue: seeding, versioned compare-and-set, listeners, reconnect, close. */
class SharedCountTest extends RecipeTestBase {

  private SharedCount startedCount(PaddockFramework fw, String path, int seed) throws Exception {
    SharedCount count = closeAfter(new SharedCount(fw, path, seed));
    count.start();
    return count;
  }

  @Test
  void theFirstSeedWinsAndEveryClientSeesIt() throws Exception {
    SharedCount a = startedCount(newFramework(), "/sc/seed", 5);
    SharedCount b = startedCount(newFramework(), "/sc/seed", 9);
    assertEquals(5, a.getCount());
    assertEquals(5, b.getCount(), "the node existed: the second seed is ignored");
  }

  @Test
  void aStaleCompareAndSetFailsAndRefreshesTheLocalView() throws Exception {
    SharedCount a = startedCount(newFramework(), "/sc/cas", 0);
    SharedCount b = startedCount(newFramework(), "/sc/cas", 0);
    VersionedValue<Integer> seenByA = a.getVersionedValue();
    VersionedValue<Integer> seenByB = b.getVersionedValue();
    assertEquals(seenByA, seenByB);

    assertTrue(a.trySetCount(seenByA, 1), "the first writer of a version wins");
    assertFalse(b.trySetCount(seenByB, 2), "the second writer of the same version loses");
    assertEquals(1, b.getCount(), "the loser has read the winner's value");
    assertTrue(b.trySetCount(b.getVersionedValue(), 2), "with the fresh version it wins");
    await().atMost(WAIT).until(() -> a.getCount() == 2);
    assertFalse(a.trySetCount(seenByA, 3), "a version seen long ago fails fast");
    assertEquals(2, a.getCount());
  }

  @Test
  void aWrappedVersionIsRefused() throws Exception {
    SharedCount a = startedCount(newFramework(), "/sc/wrap", 0);
    VersionedValue<Integer> wrapped = new VersionedValue<>(a.getVersionedValue().zxid(), -1, 0);
    assertThrows(IllegalTrySetVersionException.class, () -> a.trySetCount(wrapped, 1));
    assertEquals(0, a.getCount());
  }

  @Test
  void listenersHearOtherClientsWritesInOrder() throws Exception {
    SharedCount a = startedCount(newFramework(), "/sc/listen", 0);
    SharedCount b = startedCount(newFramework(), "/sc/listen", 0);
    List<Integer> heard = new CopyOnWriteArrayList<>();
    b.addListener(
        new SharedCountListener() {
          @Override
          public void countHasChanged(SharedCountReader reader, int newCount) {
            heard.add(newCount);
          }

          @Override
          public void stateChanged(PaddockFramework framework, ConnectionState newState) {}
        });
    for (int i = 1; i <= 3; i++) {
      a.setCount(i);
      int expected = i;
      await().atMost(WAIT).until(() -> b.getCount() == expected);
    }
    await().atMost(WAIT).until(() -> heard.size() == 3);
    assertEquals(List.of(1, 2, 3), heard);
  }

  @Test
  void theValueIsReadAgainAfterTheSessionIsLost() throws Exception {
    PaddockFramework fwA = newFramework();
    List<ConnectionState> states = recordStates(fwA);
    SharedCount a = startedCount(fwA, "/sc/lost", 0);
    SharedCount b = startedCount(newFramework(), "/sc/lost", 0);
    expireSession(fwA);
    b.setCount(42);
    await().atMost(WAIT).until(() -> states.contains(ConnectionState.RECONNECTED));
    await().atMost(WAIT).until(() -> a.getCount() == 42);
    b.setCount(43);
    await().atMost(WAIT).until(() -> a.getCount() == 43);
  }

  @Test
  void aClosedValueLeavesNoWatchAndKeepsItsNode() throws Exception {
    PaddockFramework fw = newFramework();
    SharedValue value =
        closeAfter(new SharedValue(fw, "/sc/value", "seed".getBytes(StandardCharsets.UTF_8)));
    value.start();
    assertTrue(hasWatch(fw, "/sc/value", WatcherType.DATA));
    value.setValue("x".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), value.getValue());
    value.close();
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/sc/value", WatcherType.DATA));
    assertNotNull(fw.checkExists().forPath("/sc/value"), "the value is the point: it stays");
    assertThrows(IllegalStateException.class, () -> value.setValue(new byte[0]));
  }

  @Test
  void corruptBytesAreAnExplicitError() throws Exception {
    PaddockFramework fw = newFramework();
    fw.create().creatingParentsIfNeeded().forPath("/sc/corrupt", new byte[] {1, 2});
    SharedCount count = startedCount(fw, "/sc/corrupt", 0);
    assertThrows(IllegalStateException.class, count::getCount);
  }
}
