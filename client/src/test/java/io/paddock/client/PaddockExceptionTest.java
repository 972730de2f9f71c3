package io.paddock.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed exceptions: one class per common code, ZooKeeper's messages, multi results. */
class PaddockExceptionTest {
  @Test
  void everyCodeMapsToItsExceptionWithZooKeepersMessage() {
    int subclasses = 0;
    for (ErrorCode code : ErrorCode.values()) {
      if (code.isOk()) {
        assertThrows(IllegalArgumentException.class, () -> PaddockException.create(code, "/a"));
        continue;
      }
      PaddockException e = PaddockException.create(code, "/a");
      assertEquals(code, e.code());
      assertEquals("/a", e.path());
      assertEquals("KeeperErrorCode = " + code.text() + " for /a", e.getMessage());
      assertEquals(e.getClass(), PaddockException.create(code.code(), "/a").getClass());
      if (e.getClass() != PaddockException.class) {
        subclasses++;
      }
    }
    assertTrue(subclasses >= 20, "common codes have their own class: " + subclasses);
    assertEquals(
        "KeeperErrorCode = NoNode", PaddockException.create(ErrorCode.NONODE, null).getMessage());
    assertEquals(
        PaddockException.NoNodeException.class,
        PaddockException.create(ErrorCode.NONODE, "/x").getClass());
    assertEquals(
        PaddockException.ConnectionLossException.class,
        PaddockException.create(-4, "/x").getClass());
  }

  @Test
  void unknownWireCodesBecomeSystemErrorNamingTheNumber() {
    PaddockException e = PaddockException.create(-9, "/a");
    assertEquals(ErrorCode.SYSTEMERROR, e.code());
    assertEquals("KeeperErrorCode = SystemError for /a (unknown code -9)", e.getMessage());
    assertNotEquals(PaddockException.create(-9, "/a"), e);
  }

  @Test
  void multiFailuresCarryEveryResult() {
    List<OpResult> results =
        List.of(
            new OpResult.Error(ErrorCode.OK),
            new OpResult.Error(ErrorCode.NODEEXISTS),
            new OpResult.Error(ErrorCode.RUNTIMEINCONSISTENCY));
    PaddockException e = PaddockException.forMulti(ErrorCode.NODEEXISTS, "/b", results);
    assertEquals(PaddockException.NodeExistsException.class, e.getClass());
    assertEquals(results, e.results());
    assertEquals(List.of(), PaddockException.create(ErrorCode.NODEEXISTS, "/b").results());
  }
}
