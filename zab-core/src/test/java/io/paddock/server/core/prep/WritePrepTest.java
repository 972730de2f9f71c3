package io.paddock.server.core.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.txn.Txn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Prep against a map of nodes: what it decides itself, and in which order (§9.8). */
class WritePrepTest {
  static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
  static final PrepSubject ANON = new PrepSubject(5, true, List.of(new Id("ip", "127.0.0.1")));

  final Map<String, List<Acl>> nodes =
      new HashMap<>(Map.of("/", OPEN, "/ro", List.of(new Acl(Perms.READ, Id.ANYONE))));
  final WritePrep prep = new WritePrep(false);

  private Txn create(int op, String path, int flags, List<Acl> acl) {
    return prep.prep(op, new CreateRequest(path, null, acl, flags), ANON, nodes::get);
  }

  private static ErrorCode err(Txn txn) {
    return txn instanceof Txn.Error e ? e.err() : ErrorCode.OK;
  }

  @Test
  void createLeavesTreeChecksToTheTree() {
    Txn t = create(OpCode.CREATE, "/a", 0, OPEN);
    assertEquals(
        new Txn.Create("/a", null, OPEN, CreateMode.PERSISTENT, 0).toString(), t.toString());
    nodes.put("/a", OPEN);
    assertEquals(
        ErrorCode.OK,
        err(create(OpCode.CREATE, "/a", 0, OPEN)),
        "NODEEXISTS is the tree's to decide");
  }

  @Test
  void createChecksInOrder() {
    assertEquals(
        ErrorCode.BADARGUMENTS, err(create(OpCode.CREATE, "bad", 9, List.of())), "1: flags first");
    assertEquals(
        ErrorCode.UNIMPLEMENTED,
        err(create(OpCode.CREATE, "bad", 5, List.of())),
        "2: TTL disabled");
    PrepSubject closing = new PrepSubject(5, false, ANON.ids());
    assertEquals(
        ErrorCode.SESSIONEXPIRED,
        err(
            prep.prep(
                OpCode.CREATE, new CreateRequest("bad", null, List.of(), 1), closing, nodes::get)),
        "3: an ephemeral needs a live session");
    assertEquals(
        ErrorCode.BADARGUMENTS, err(create(OpCode.CREATE, "bad", 1, List.of())), "4: path");
    assertEquals(ErrorCode.INVALIDACL, err(create(OpCode.CREATE, "/x/y", 0, List.of())), "5: ACL");
    assertEquals(ErrorCode.NONODE, err(create(OpCode.CREATE, "/x/y", 0, OPEN)), "6: parent");
    assertEquals(
        ErrorCode.NOAUTH, err(create(OpCode.CREATE, "/ro/y", 0, OPEN)), "7: CREATE on the parent");
  }

  @Test
  void opDecidesTheKindOfNode() {
    assertEquals(
        CreateMode.CONTAINER, ((Txn.Create) create(OpCode.CREATE_CONTAINER, "/c", 0, OPEN)).mode());
    assertEquals(
        CreateMode.PERSISTENT, ((Txn.Create) create(OpCode.CREATE2, "/c", 4, OPEN)).mode());
    WritePrep ttl = new WritePrep(true);
    Txn t =
        ttl.prep(
            OpCode.CREATE_TTL, new CreateTtlRequest("/t", null, OPEN, 6, 100), ANON, nodes::get);
    assertEquals(CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL, ((Txn.Create) t).mode());
    assertEquals(100, ((Txn.Create) t).ttlMs());
    assertEquals(
        ErrorCode.MARSHALLINGERROR,
        err(
            ttl.prep(
                OpCode.CREATE_TTL,
                new CreateTtlRequest("/t", null, OPEN, 0, -1),
                ANON,
                nodes::get)),
        "createTTL with a non-TTL mode fails as ZooKeeper's does, after the other checks");
  }

  @Test
  void multiOpsSeeEarlierOpsAndStopAtTheFirstRejection() {
    MultiRequest m =
        new MultiRequest(
            List.of(
                MultiOp.create(new CreateRequest("/p", null, OPEN, 0)),
                MultiOp.create(new CreateRequest("/p/q", null, OPEN, 0)),
                MultiOp.delete(new DeleteRequest("/p/q", -1)),
                MultiOp.setData(new SetDataRequest("/p/q", null, -1)),
                MultiOp.create(new CreateRequest("/never", null, OPEN, 0))));
    List<Txn> ops = ((Txn.Multi) prep.prep(OpCode.MULTI, m, ANON, nodes::get)).ops();
    assertTrue(ops.get(1) instanceof Txn.Create, "the parent created by op 0 exists for op 1");
    assertEquals(new Txn.Error(ErrorCode.NONODE), ops.get(3), "op 2 deleted the node op 3 writes");
    assertEquals(new Txn.Error(ErrorCode.RUNTIMEINCONSISTENCY), ops.get(4));
  }

  @Test
  void footprintsConflictOnlyWhenPrepWouldSeeTheChange() {
    Footprint f = new Footprint();
    f.addChanges(new Txn.Create("/lock/x-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL, 0));
    f.addChanges(new Txn.SetData("/data", null, -1));
    assertFalse(
        f.conflictsWith(
            Footprint.reads(OpCode.CREATE, new CreateRequest("/lock/y-", null, OPEN, 3))),
        "siblings do not conflict");
    assertFalse(
        f.conflictsWith(Footprint.reads(OpCode.SET_DATA, new SetDataRequest("/data", null, -1))),
        "data changes do not matter to prep");
    assertTrue(
        f.conflictsWith(
            Footprint.reads(
                OpCode.CREATE, new CreateRequest("/lock/x-0000000001/c", null, OPEN, 0))),
        "a child of an unnamed sequential node");
    f.addChanges(new Txn.SetAcl("/acl", OPEN, -1));
    assertTrue(f.conflictsWith(Footprint.reads(OpCode.DELETE, new DeleteRequest("/acl/x", -1))));
    assertTrue(f.conflictsWith(Set.of("/acl")));
    f.clear();
    assertTrue(f.isEmpty());
  }
}
