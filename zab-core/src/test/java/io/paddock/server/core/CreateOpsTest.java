package io.paddock.server.core;

import static io.paddock.server.core.Requests.OPEN;
import static io.paddock.server.core.Requests.bytes;
import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.client.protocol.Create2Response;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateResponse;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create, create2, createContainer, createTTL: replies, codes, the order of checks (§9.8). */
class CreateOpsTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir, b -> b.extendedTypesEnabled(true));
    c = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private int err(int op, Object body) {
    return c.call(op, (io.paddock.client.protocol.Request) body).err();
  }

  @Test
  void createRepliesWithThePathAndCreate2WithPathAndStat() {
    TestClient.Answer a = c.call(OpCode.CREATE, create("/a", "x"));
    assertEquals(0, a.err());
    assertEquals("/a", a.as(CreateResponse.class).path());
    TestClient.Answer b = c.call(OpCode.CREATE2, create("/b", "yy"));
    Create2Response r = b.as(Create2Response.class);
    assertEquals("/b", r.path());
    Stat s = r.stat();
    assertEquals(b.zxid(), s.czxid(), "czxid is the write's zxid, which the reply header carries");
    assertEquals(s.czxid(), s.mzxid());
    assertEquals(s.czxid(), s.pzxid());
    assertEquals(ManualClock.WALL_START_MS, s.ctime());
    assertEquals(2, s.dataLength());
    assertEquals(a.zxid() + 1, b.zxid());
  }

  @Test
  void nullDataIsStoredAndReturnedAsNull() {
    assertEquals(0, c.call(OpCode.CREATE, create("/n", null)).err());
    GetDataResponse r =
        c.call(OpCode.GET_DATA, Requests.getData("/n", false)).as(GetDataResponse.class);
    assertNull(r.data());
    assertEquals(0, r.stat().dataLength());
  }

  @Test
  void sequentialNamesCountEveryChildCreate() {
    c.call(OpCode.CREATE, create("/q", ""));
    c.call(OpCode.CREATE, create("/q/r", ""));
    c.call(OpCode.DELETE, Requests.delete("/q/r"));
    TestClient.Answer a =
        c.call(OpCode.CREATE, create("/q/s-", "", CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals("/q/s-0000000001", a.as(CreateResponse.class).path());
    TestClient.Answer slash =
        c.call(OpCode.CREATE, create("/q/", "", CreateMode.PERSISTENT_SEQUENTIAL));
    assertEquals(
        "/q/0000000002",
        slash.as(CreateResponse.class).path(),
        "a trailing slash is allowed with a suffix");
    assertEquals(ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE, create("/q/", "")));
  }

  @Test
  void ephemeralCarriesTheSessionAndContainerAndTtlShowZeroOwner() {
    Stat e =
        c.call(OpCode.CREATE2, create("/e", "", CreateMode.EPHEMERAL))
            .as(Create2Response.class)
            .stat();
    assertEquals(c.sessionId, e.ephemeralOwner());
    Stat k =
        c.call(OpCode.CREATE_CONTAINER, create("/k", "", CreateMode.CONTAINER))
            .as(Create2Response.class)
            .stat();
    assertEquals(0, k.ephemeralOwner());
    Stat t =
        c.call(
                OpCode.CREATE_TTL,
                new CreateTtlRequest(
                    "/t", bytes(""), OPEN, CreateMode.PERSISTENT_WITH_TTL.flag(), 5000))
            .as(Create2Response.class)
            .stat();
    assertEquals(0, t.ephemeralOwner());
    assertEquals(ErrorCode.NOCHILDRENFOREPHEMERALS.code(), err(OpCode.CREATE, create("/e/x", "")));
  }

  @Test
  void containerFlagOnPlainCreateMakesAPersistentNode() {
    c.call(OpCode.CREATE, create("/p", "", CreateMode.CONTAINER));
    c.call(OpCode.CREATE, create("/p/child", ""));
    c.call(OpCode.DELETE, Requests.delete("/p/child"));
    h.advance(h.config.containerCheckIntervalMs() + 1); // the session expires meanwhile
    TestClient later = h.connect();
    assertEquals(
        0,
        later.call(OpCode.EXISTS, Requests.exists("/p", false)).err(),
        "a plain node is never reaped");
  }

  @Test
  void badFlagsAndTtlRules() {
    assertEquals(
        ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE, new CreateRequest("/f", null, OPEN, 7)));
    assertEquals(
        ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE_TTL, Requests.createTtl("/t0", 5, 0)));
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        err(OpCode.CREATE_TTL, Requests.createTtl("/t1", 5, EphemeralKind.TTL_MS_MAX + 1)));
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        err(OpCode.CREATE_TTL, Requests.createTtl("/t2", 0, 100)),
        "a ttl on a non-TTL mode");
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        err(OpCode.CREATE, create("/t3", "", CreateMode.PERSISTENT_WITH_TTL)),
        "TTL mode without a ttl");
    assertEquals(0, err(OpCode.CREATE_TTL, Requests.createTtl("/t4", 6, EphemeralKind.TTL_MS_MAX)));
  }

  @Test
  void ttlWithoutExtendedTypesIsUnimplemented(@TempDir Path other) throws Exception {
    try (CoreHarness plain = CoreHarness.start(other)) {
      TestClient p = plain.connect();
      assertEquals(
          ErrorCode.UNIMPLEMENTED.code(),
          p.call(OpCode.CREATE_TTL, Requests.createTtl("/t", 5, 100)).err());
      // §9.8: the flag check (BADARGUMENTS) comes first, then the feature check (UNIMPLEMENTED).
      assertEquals(
          ErrorCode.BADARGUMENTS.code(),
          p.call(OpCode.CREATE_TTL, Requests.createTtl("/t", 9, 100)).err());
    }
  }

  @Test
  void orderOfChecksDecidesTheCode() {
    c.call(OpCode.CREATE, create("/exists", ""));
    List<Acl> noCreate = List.of(new Acl(Perms.READ, Id.ANYONE));
    c.call(OpCode.CREATE, create("/locked", "", noCreate));
    // 4 (path) before 5 (ACL): a bad path with an empty ACL is BADARGUMENTS
    assertEquals(
        ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE, create("noslash", "", List.of())));
    // 5 (ACL) before 6 (parent): an empty ACL under a missing parent is INVALIDACL
    assertEquals(
        ErrorCode.INVALIDACL.code(), err(OpCode.CREATE, create("/missing/x", "", List.of())));
    // 6 (parent) before 8 (full path)
    assertEquals(ErrorCode.NONODE.code(), err(OpCode.CREATE, create("/missing/.", "")));
    // 7 (permission) before 8 (full path) and 9 (exists)
    assertEquals(ErrorCode.NOAUTH.code(), err(OpCode.CREATE, create("/locked/.", "")));
    // 8 (full path) before 9 (exists)
    assertEquals(ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE, create("/exists/..", "")));
    assertEquals(ErrorCode.NODEEXISTS.code(), err(OpCode.CREATE, create("/exists", "")));
    assertEquals(
        ErrorCode.NODEEXISTS.code(), err(OpCode.CREATE, create("/", "")), "create / is NODEEXISTS");
    assertEquals(ErrorCode.BADARGUMENTS.code(), err(OpCode.CREATE, create("/a\u0000b", "")));
  }

  @Test
  void failedWritesConsumeZxids() {
    long first = c.call(OpCode.CREATE, create("/z", "")).zxid();
    TestClient.Answer exists = c.call(OpCode.CREATE, create("/z", ""));
    TestClient.Answer noParent = c.call(OpCode.CREATE, create("/none/z", ""));
    assertEquals(ErrorCode.NODEEXISTS.code(), exists.err());
    assertEquals(first + 1, exists.zxid(), "NODEEXISTS takes the next zxid (§9.9)");
    assertEquals(ErrorCode.NONODE.code(), noParent.err());
    assertEquals(first + 2, noParent.zxid(), "NONODE takes the one after");
    long read = c.call(OpCode.EXISTS, Requests.exists("/z", false)).zxid();
    assertEquals(first + 2, read, "a read carries the last zxid and consumes none");
  }

  @Test
  void theFirstWritesOfAFreshServerHaveTheZxidsZooKeeperGives() {
    // zxid 1 is the session; as in the live run of PROTOCOL §9.9 the failures get their own.
    assertEquals(0, c.call(OpCode.CREATE, create("/a", "")).err());
    assertEquals(2, h.core.lastProcessedZxid());
  }

  @Test
  void dataIsStoredAsSent() {
    byte[] data = new byte[1000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    c.call(OpCode.CREATE, new CreateRequest("/d", data, OPEN, 0));
    assertArrayEquals(
        data,
        c.call(OpCode.GET_DATA, Requests.getData("/d", false)).as(GetDataResponse.class).data());
  }
}
