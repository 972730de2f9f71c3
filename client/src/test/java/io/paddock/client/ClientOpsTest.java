package io.paddock.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every op against a real Apache ZooKeeper 3.9 server: results, stats and typed errors. */
class ClientOpsTest {
  private static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;
  @TempDir static Path dir;
  private static ZkServer zk;
  private static PaddockClient client;
  private static BlockingPaddockClient sync;

  @BeforeAll
  static void start() throws Exception {
    zk = ZkServer.start(dir);
    client = Clients.connected(zk.connectString(), 4_000);
    sync = client.blocking();
  }

  @AfterAll
  static void stop() {
    client.close();
    zk.close();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void createReadUpdateWithStats() throws Exception {
    CreateResult created = sync.create("/crud", bytes("one"), OPEN, CreateMode.PERSISTENT);
    assertEquals("/crud", created.path());
    Stat s = created.stat();
    assertEquals(s.czxid(), s.mzxid());
    assertEquals(s.czxid(), s.pzxid());
    assertEquals(0, s.version());
    assertEquals(0, s.cversion());
    assertEquals(0, s.aversion());
    assertEquals(0, s.ephemeralOwner());
    assertEquals(3, s.dataLength());
    assertEquals(0, s.numChildren());
    assertEquals(s.ctime(), s.mtime());
    DataAndStat read = sync.getData("/crud");
    assertArrayEquals(bytes("one"), read.data());
    assertEquals(s, read.stat());
    Stat updated = sync.setData("/crud", bytes("two!"), 0);
    assertEquals(1, updated.version());
    assertTrue(updated.mzxid() > s.mzxid());
    assertEquals(4, updated.dataLength());
    assertEquals(updated, sync.exists("/crud"));
    assertNull(sync.exists("/crud-missing"));
    sync.delete("/crud", 1);
    assertNull(sync.exists("/crud"));
  }

  @Test
  void nullDataStaysNull() throws Exception {
    sync.create("/null-data", null, OPEN, CreateMode.PERSISTENT);
    DataAndStat read = sync.getData("/null-data");
    assertNull(read.data());
    assertEquals(0, read.stat().dataLength());
  }

  @Test
  void typedErrorsCarryCodeAndPath() throws Exception {
    sync.create("/err", null, OPEN, CreateMode.PERSISTENT);
    sync.create("/err/child", null, OPEN, CreateMode.PERSISTENT);
    PaddockException e =
        assertThrows(
            PaddockException.NodeExistsException.class,
            () -> sync.create("/err", null, OPEN, CreateMode.PERSISTENT));
    assertEquals(ErrorCode.NODEEXISTS, e.code());
    assertEquals("/err", e.path());
    assertEquals("KeeperErrorCode = NodeExists for /err", e.getMessage());
    e =
        assertThrows(
            PaddockException.NoNodeException.class,
            () -> sync.create("/nope/x", null, OPEN, CreateMode.PERSISTENT));
    assertEquals("KeeperErrorCode = NoNode for /nope/x", e.getMessage());
    assertThrows(PaddockException.NoNodeException.class, () -> sync.getData("/nope"));
    assertThrows(PaddockException.NoNodeException.class, () -> sync.getChildren("/nope"));
    assertThrows(PaddockException.NoNodeException.class, () -> sync.delete("/nope", -1));
    assertThrows(PaddockException.NoNodeException.class, () -> sync.setData("/nope", null, -1));
    assertThrows(PaddockException.NotEmptyException.class, () -> sync.delete("/err", -1));
    e =
        assertThrows(
            PaddockException.BadVersionException.class, () -> sync.setData("/err", null, 7));
    assertEquals("KeeperErrorCode = BadVersion for /err", e.getMessage());
    assertThrows(PaddockException.BadVersionException.class, () -> sync.delete("/err/child", 3));
    assertThrows(PaddockException.BadArgumentsException.class, () -> sync.delete("/zookeeper", -1));
    Throwable async = Clients.failure(client.getData("/nope"));
    assertInstanceOf(PaddockException.NoNodeException.class, async);
  }

  @Test
  void clientSideValidation() {
    assertThrows(IllegalArgumentException.class, () -> client.getData("no-slash"));
    assertThrows(IllegalArgumentException.class, () -> client.getData("/a/"));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.create("/a/", null, OPEN, CreateMode.PERSISTENT));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.create("/t", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.create("/t", null, OPEN, CreateMode.PERSISTENT, 100));
    assertThrows(
        PaddockException.InvalidAclException.class,
        () -> sync.create("/acl-empty", null, List.of(), CreateMode.PERSISTENT));
    assertThrows(
        PaddockException.InvalidAclException.class,
        () -> sync.create("/acl-null", null, null, CreateMode.PERSISTENT));
  }

  @Test
  void sequentialEphemeralContainerAndTtlNodes() throws Exception {
    sync.create("/seq", null, OPEN, CreateMode.PERSISTENT);
    assertEquals(
        "/seq/n-0000000000",
        sync.create("/seq/n-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL).path());
    sync.create("/seq/plain", null, OPEN, CreateMode.PERSISTENT);
    assertEquals(
        "/seq/n-0000000002",
        sync.create("/seq/n-", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL).path());
    assertEquals(
        "/seq/0000000003",
        sync.create("/seq/", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL).path());
    CreateResult eph = sync.create("/eph", null, OPEN, CreateMode.EPHEMERAL);
    assertEquals(client.sessionId(), eph.stat().ephemeralOwner());
    assertThrows(
        PaddockException.NoChildrenForEphemeralsException.class,
        () -> sync.create("/eph/x", null, OPEN, CreateMode.PERSISTENT));
    assertTrue(sync.getEphemerals("/").containsAll(List.of("/eph", "/seq/n-0000000002")));
    assertEquals(List.of("/seq/n-0000000002"), sync.getEphemerals("/seq"));
    CreateResult container = sync.create("/box", null, OPEN, CreateMode.CONTAINER);
    assertEquals(0, container.stat().ephemeralOwner());
    CreateResult ttl = sync.create("/ttl", null, OPEN, CreateMode.PERSISTENT_WITH_TTL, 60_000);
    assertEquals("/ttl", ttl.path());
    assertEquals(0, ttl.stat().ephemeralOwner());
  }

  @Test
  void childrenAndCounts() throws Exception {
    sync.create("/kids", null, OPEN, CreateMode.PERSISTENT);
    for (String name : List.of("a", "b", "c")) {
      sync.create("/kids/" + name, null, OPEN, CreateMode.PERSISTENT);
    }
    sync.create("/kids/a/deep", null, OPEN, CreateMode.PERSISTENT);
    sync.delete("/kids/c", -1);
    assertEquals(Set.of("a", "b"), Set.copyOf(sync.getChildren("/kids")));
    ChildrenAndStat withStat = sync.getChildrenAndStat("/kids");
    assertEquals(Set.of("a", "b"), Set.copyOf(withStat.children()));
    assertEquals(2, withStat.stat().numChildren());
    assertEquals(4, withStat.stat().cversion(), "3 creates + 1 delete");
    assertEquals(3, sync.getAllChildrenNumber("/kids"));
    assertEquals("/kids", sync.sync("/kids"));
  }

  @Test
  void aclsAndAuth() throws Exception {
    List<Acl> readOnly = List.of(new Acl(Perms.READ | Perms.ADMIN, Id.ANYONE));
    sync.create("/locked", bytes("x"), readOnly, CreateMode.PERSISTENT);
    assertThrows(
        PaddockException.NoAuthException.class, () -> sync.setData("/locked", bytes("y"), -1));
    AclAndStat acl = sync.getAcl("/locked");
    assertEquals(readOnly, acl.acl());
    assertEquals(0, acl.stat().aversion());
    assertThrows(PaddockException.BadVersionException.class, () -> sync.setAcl("/locked", OPEN, 5));
    assertEquals(1, sync.setAcl("/locked", OPEN, 0).aversion());
    sync.setData("/locked", bytes("y"), -1);

    try (PaddockClient owner = Clients.connected(zk.connectString(), 4_000)) {
      owner.blocking().addAuthInfo("digest", bytes("u:p"));
      owner.blocking().create("/mine", bytes("s"), Acl.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
      assertEquals(
          new Id("digest", "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ="),
          owner.blocking().getAcl("/mine").acl().get(0).id());
      List<ClientInfo> who = owner.blocking().whoAmI();
      assertTrue(who.contains(new ClientInfo("digest", "u")), who.toString());
      assertTrue(who.contains(new ClientInfo("ip", "127.0.0.1")), who.toString());
      assertThrows(PaddockException.NoAuthException.class, () -> sync.getData("/mine"));
    }
    assertThrows(
        PaddockException.InvalidAclException.class,
        () -> sync.create("/creator", null, Acl.CREATOR_ALL_ACL, CreateMode.PERSISTENT));
  }

  @Test
  void multiAppliesAllOrNothing() throws Exception {
    sync.create("/m", bytes("0"), OPEN, CreateMode.PERSISTENT);
    List<OpResult> results =
        sync.multi(
            Ops.builder()
                .check("/m", 0)
                .create("/m/a", bytes("a"), OPEN, CreateMode.PERSISTENT)
                .create("/m/s-", null, OPEN, CreateMode.PERSISTENT_SEQUENTIAL)
                .setData("/m", bytes("1"), 0)
                .build());
    assertInstanceOf(OpResult.Check.class, results.get(0));
    OpResult.Create a = (OpResult.Create) results.get(1);
    assertEquals("/m/a", a.path());
    assertNotNull(a.stat());
    assertEquals("/m/s-0000000001", ((OpResult.Create) results.get(2)).path());
    Stat afterSet = ((OpResult.SetData) results.get(3)).stat();
    assertEquals(1, afterSet.version());
    assertEquals(a.stat().czxid(), afterSet.mzxid(), "one multi, one zxid");

    PaddockException e =
        assertThrows(
            PaddockException.BadVersionException.class,
            () ->
                sync.multi(
                    Ops.builder()
                        .create("/m/b", null, OPEN, CreateMode.PERSISTENT)
                        .check("/m", 0)
                        .delete("/m/a", -1)
                        .build()));
    assertEquals("/m", e.path());
    assertEquals(
        List.of(
            new OpResult.Error(ErrorCode.OK),
            new OpResult.Error(ErrorCode.BADVERSION),
            new OpResult.Error(ErrorCode.RUNTIMEINCONSISTENCY)),
        e.results());
    assertNull(sync.exists("/m/b"), "nothing applied");
    assertNotNull(sync.exists("/m/a"));
    assertEquals(List.of(), sync.multi(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> client.multi(Ops.builder().getData("/m").build()));
  }

  @Test
  void multiReadReportsEachOpOnItsOwn() throws Exception {
    sync.create("/mr", bytes("d"), OPEN, CreateMode.PERSISTENT);
    sync.create("/mr/c", null, OPEN, CreateMode.PERSISTENT);
    List<OpResult> results =
        sync.multiRead(
            Ops.builder().getData("/mr").getChildren("/mr").getData("/mr-missing").build());
    OpResult.GetData data = (OpResult.GetData) results.get(0);
    assertArrayEquals(bytes("d"), data.data());
    assertEquals(List.of("c"), ((OpResult.GetChildren) results.get(1)).children());
    assertEquals(new OpResult.Error(ErrorCode.NONODE), results.get(2));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.multiRead(Ops.builder().delete("/mr", -1).build()));
  }

  @Test
  void chrootIsInvisibleToTheCaller() throws Exception {
    sync.create("/app", null, OPEN, CreateMode.PERSISTENT);
    try (PaddockClient rooted = Clients.connected(zk.connectString() + "/app", 4_000)) {
      BlockingPaddockClient r = rooted.blocking();
      assertEquals("/x", r.create("/x", bytes("1"), OPEN, CreateMode.PERSISTENT).path());
      assertEquals(
          "/q0000000001", r.create("/q", null, OPEN, CreateMode.EPHEMERAL_SEQUENTIAL).path());
      assertNotNull(sync.exists("/app/x"));
      assertEquals(Set.of("x", "q0000000001"), Set.copyOf(r.getChildren("/")));
      assertEquals(List.of("/q0000000001"), r.getEphemerals("/"));
      assertEquals("/x", r.sync("/x"));
      Recorder recorder = new Recorder();
      r.getData("/x", recorder);
      sync.setData("/app/x", bytes("2"), -1);
      org.awaitility.Awaitility.await().until(() -> !recorder.nodeEvents().isEmpty());
      assertEquals("/x", recorder.nodeEvents().get(0).path());
      List<OpResult> results =
          r.multi(Ops.builder().create("/y", null, OPEN, CreateMode.PERSISTENT).build());
      assertEquals("/y", ((OpResult.Create) results.get(0)).path());
    }
  }

  @Test
  void unknownAuthSchemeKillsTheClient() throws Exception {
    Recorder recorder = new Recorder();
    PaddockClient victim = Clients.connected(zk.connectString(), 4_000);
    victim.addStateListener(recorder);
    Throwable failure = Clients.failure(victim.addAuthInfo("no-such-scheme", bytes("x")));
    assertInstanceOf(PaddockException.AuthFailedException.class, failure);
    assertEquals(ConnectionState.AUTH_FAILED, victim.state());
    assertInstanceOf(
        PaddockException.AuthFailedException.class, Clients.failure(victim.getData("/")));
    org.awaitility.Awaitility.await()
        .until(() -> recorder.states().contains(ConnectionState.AUTH_FAILED));
    victim.close();
    assertEquals(ConnectionState.AUTH_FAILED, victim.state(), "terminal states are final");
  }

  @Test
  void closeFromACallbackDoesNotDeadlock() throws Exception {
    PaddockClient closer = Clients.connected(zk.connectString(), 4_000);
    closer.blocking().create("/closer", null, OPEN, CreateMode.EPHEMERAL);
    closer.blocking().exists("/closer", event -> closer.close());
    sync.delete("/closer", -1);
    org.awaitility.Awaitility.await().until(() -> closer.state() == ConnectionState.CLOSED);
  }

  @Test
  void closedClientFailsEveryCallWithSessionExpired() throws Exception {
    Recorder recorder = new Recorder();
    PaddockClient doomed = Clients.connected(zk.connectString(), 4_000);
    long session = doomed.sessionId();
    doomed.addStateListener(recorder);
    doomed.blocking().create("/doomed", null, OPEN, CreateMode.EPHEMERAL);
    doomed.close();
    assertEquals(ConnectionState.CLOSED, doomed.state());
    assertEquals(List.of(ConnectionState.CLOSED), recorder.states());
    assertInstanceOf(
        PaddockException.SessionExpiredException.class, Clients.failure(doomed.exists("/")));
    assertThrows(
        PaddockException.SessionExpiredException.class, () -> doomed.blocking().exists("/"));
    assertNull(
        sync.exists("/doomed"),
        "closeSession removed the ephemeral of session " + Long.toHexString(session));
    doomed.close();
  }
}
