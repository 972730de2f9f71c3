package io.paddock.store.tree;

import static io.paddock.store.tree.TreeDriver.createTxn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.txn.Txn;
import io.paddock.store.watch.WatchEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataTreeSessionTest {
  private static final long S1 = 0x11L;
  private static final long S2 = 0x22L;

  private final TreeDriver d = new TreeDriver();

  @Test
  void createSessionRegistersAndUpdatesTheTimeout() {
    long before = d.tree.digest();
    assertEquals(new OpResult.SessionCreated(), d.apply(S1, new Txn.CreateSession(4000)).result());
    assertTrue(d.tree.hasSession(S1));
    assertEquals(Map.of(S1, 4000), d.tree.sessions());
    long withSession = d.tree.digest();
    assertTrue(withSession != before);
    d.apply(S1, new Txn.CreateSession(6000));
    assertEquals(Map.of(S1, 6000), d.tree.sessions());
    assertThrows(UnsupportedOperationException.class, () -> d.tree.sessions().put(1L, 1));
    d.tree.checkInvariants();
  }

  @Test
  void closeSessionDeletesItsEphemeralsInPathOrder() {
    d.apply(S1, new Txn.CreateSession(4000));
    d.apply(S2, new Txn.CreateSession(4000));
    d.create("/app", "");
    d.apply(S1, createTxn("/z", "", CreateMode.EPHEMERAL));
    d.apply(S1, createTxn("/app/e-", "", CreateMode.EPHEMERAL_SEQUENTIAL));
    d.apply(S1, createTxn("/app/e-", "", CreateMode.EPHEMERAL_SEQUENTIAL));
    d.apply(S2, createTxn("/app/other", "", CreateMode.EPHEMERAL));
    assertEquals(
        List.of("/app/e-0000000000", "/app/e-0000000001", "/z"), d.tree.getEphemerals(S1, "/"));
    assertEquals(
        List.of("/app/e-0000000000", "/app/e-0000000001"), d.tree.getEphemerals(S1, "/app"));
    assertEquals(
        List.of("/app/e-0000000000", "/app/e-0000000001"),
        d.tree.getEphemerals(S1, "/ap")); // ZooKeeper filters with a plain startsWith
    assertEquals(3, d.tree.getEphemerals(S1, "").size());
    ApplyResult r = d.apply(S1, new Txn.CloseSession());
    long z = d.zxid;
    assertEquals(ErrorCode.OK, r.err());
    assertEquals(
        new OpResult.SessionClosed(List.of("/app/e-0000000000", "/app/e-0000000001", "/z")),
        r.result());
    assertEquals(
        List.of(
            new WatchEvent(EventType.NODE_DELETED, "/app/e-0000000000", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/app", z),
            new WatchEvent(EventType.NODE_DELETED, "/app/e-0000000001", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/app", z),
            new WatchEvent(EventType.NODE_DELETED, "/z", z),
            new WatchEvent(EventType.NODE_CHILDREN_CHANGED, "/", z)),
        r.events());
    assertFalse(d.tree.hasSession(S1));
    assertNull(d.tree.exists("/z"));
    assertEquals(z, d.tree.exists("/app").pzxid());
    assertEquals(List.of("/app/other"), d.tree.getEphemerals(S2, "/"));
    assertEquals(List.of(), d.tree.getEphemerals(S1, "/"));
    d.tree.checkInvariants();
  }

  @Test
  void closingAnUnknownSessionIsOk() {
    long digest = d.tree.digest();
    ApplyResult r = d.apply(0x999L, new Txn.CloseSession());
    assertEquals(ErrorCode.OK, r.err());
    assertEquals(new OpResult.SessionClosed(List.of()), r.result());
    assertEquals(digest, d.tree.digest());
  }
}
