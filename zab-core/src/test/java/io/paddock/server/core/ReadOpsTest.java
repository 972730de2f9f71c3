package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.exists;
import static io.paddock.server.core.Requests.getData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.client.protocol.ClientInfo;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.ExistsResponse;
import io.paddock.client.protocol.GetAclRequest;
import io.paddock.client.protocol.GetAclResponse;
import io.paddock.client.protocol.GetAllChildrenNumberRequest;
import io.paddock.client.protocol.GetAllChildrenNumberResponse;
import io.paddock.client.protocol.GetChildren2Request;
import io.paddock.client.protocol.GetChildren2Response;
import io.paddock.client.protocol.GetChildrenResponse;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.GetEphemeralsRequest;
import io.paddock.client.protocol.GetEphemeralsResponse;
import io.paddock.client.protocol.SyncRequest;
import io.paddock.client.protocol.SyncResponse;
import io.paddock.client.protocol.WhoAmIResponse;
import io.paddock.client.protocol.Xids;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ops without a txn: replies, codes, ACL checks, reply zxids. */
class ReadOpsTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    c = h.connect();
    c.call(OpCode.CREATE, create("/a", "data"));
    c.call(OpCode.CREATE, create("/a/b", ""));
    c.call(OpCode.CREATE, create("/a/c", ""));
    c.call(OpCode.CREATE, create("/a/c/d", ""));
    c.call(
        OpCode.CREATE,
        create("/secret", "s", List.of(new Acl(Perms.ALL, new Id("digest", "u:hash")))));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void readsCarryTheLastZxidAndConsumeNone() {
    long last = h.core.lastProcessedZxid();
    assertEquals(last, c.call(OpCode.GET_DATA, getData("/a", false)).zxid());
    assertEquals(
        last, c.call(OpCode.GET_DATA, getData("/none", false)).zxid(), "an error reply too");
    assertEquals(last, h.core.lastProcessedZxid());
  }

  @Test
  void getDataExistsAndChildren() {
    GetDataResponse d = c.call(OpCode.GET_DATA, getData("/a", false)).as(GetDataResponse.class);
    assertArrayEquals(Requests.bytes("data"), d.data());
    assertEquals(2, d.stat().numChildren());
    assertEquals(
        d.stat(), c.call(OpCode.EXISTS, exists("/a", false)).as(ExistsResponse.class).stat());
    assertEquals(
        Set.of("b", "c"),
        new TreeSet<>(
            c.call(OpCode.GET_CHILDREN, Requests.getChildren("/a", false))
                .as(GetChildrenResponse.class)
                .children()));
    GetChildren2Response two =
        c.call(OpCode.GET_CHILDREN2, new GetChildren2Request("/a", false))
            .as(GetChildren2Response.class);
    assertEquals(2, two.children().size());
    assertEquals(d.stat(), two.stat());
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.GET_DATA, getData("bad", false)).err(),
        "a relative path is just missing");
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.GET_CHILDREN, Requests.getChildren("/none", false)).err());
  }

  @Test
  void readsNeedReadPermissionExistsIncluded() {
    assertEquals(ErrorCode.NOAUTH.code(), c.call(OpCode.GET_DATA, getData("/secret", false)).err());
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.EXISTS, exists("/secret", false)).err(),
        "3.9.2+: exists needs READ");
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.GET_CHILDREN, Requests.getChildren("/secret", false)).err());
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.GET_ALL_CHILDREN_NUMBER, new GetAllChildrenNumberRequest("/secret")).err());
    assertEquals(
        ErrorCode.NOAUTH.code(), c.call(OpCode.GET_ACL, new GetAclRequest("/secret")).err());
  }

  @Test
  void existsRejectsNulButNotOtherBadPaths() {
    assertEquals(
        ErrorCode.BADARGUMENTS.code(), c.call(OpCode.EXISTS, exists("/a\u0000", false)).err());
    assertEquals(ErrorCode.NONODE.code(), c.call(OpCode.EXISTS, exists("/a/", false)).err());
  }

  @Test
  void getAclMasksDigestIdsWithoutAdmin() {
    Acl digest = new Acl(Perms.READ, new Id("digest", "bob:AbCdEf="));
    Acl world = new Acl(Perms.READ, Id.ANYONE);
    c.call(OpCode.CREATE, create("/m", "", List.of(digest, world)));
    GetAclResponse masked =
        c.call(OpCode.GET_ACL, new GetAclRequest("/m")).as(GetAclResponse.class);
    assertEquals(List.of(new Acl(Perms.READ, new Id("digest", "bob:x")), world), masked.acl());
    c.call(OpCode.CREATE, create("/m2", "", List.of(digest, new Acl(Perms.ADMIN, Id.ANYONE))));
    GetAclResponse full = c.call(OpCode.GET_ACL, new GetAclRequest("/m2")).as(GetAclResponse.class);
    assertEquals(digest, full.acl().get(0), "ADMIN sees the hash");
  }

  @Test
  void allChildrenNumberCountsDescendants() {
    assertEquals(
        3,
        c.call(OpCode.GET_ALL_CHILDREN_NUMBER, new GetAllChildrenNumberRequest("/a"))
            .as(GetAllChildrenNumberResponse.class)
            .totalNumber());
    // "/" counts every node but itself: /zookeeper, its two children, and the five created here.
    assertEquals(
        8,
        c.call(OpCode.GET_ALL_CHILDREN_NUMBER, new GetAllChildrenNumberRequest("/"))
            .as(GetAllChildrenNumberResponse.class)
            .totalNumber());
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.GET_ALL_CHILDREN_NUMBER, new GetAllChildrenNumberRequest("/none")).err());
  }

  @Test
  void ephemeralsOfTheCallersSessionByPrefix() {
    c.call(OpCode.CREATE, create("/a/e1", "", CreateMode.EPHEMERAL));
    c.call(OpCode.CREATE, create("/ab", "", CreateMode.EPHEMERAL));
    h.connect().call(OpCode.CREATE, create("/other", "", CreateMode.EPHEMERAL));
    assertEquals(
        List.of("/a/e1", "/ab"),
        c.call(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/"))
            .as(GetEphemeralsResponse.class)
            .ephemerals());
    assertEquals(
        List.of("/a/e1", "/ab"),
        c.call(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/a"))
            .as(GetEphemeralsResponse.class)
            .ephemerals(),
        "a plain string prefix");
    assertEquals(
        List.of("/a/e1"),
        c.call(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest("/a/"))
            .as(GetEphemeralsResponse.class)
            .ephemerals());
  }

  @Test
  void syncEchoesThePathPingCarriesTheLastZxid() {
    assertEquals(
        "/whatever",
        c.call(OpCode.SYNC, new SyncRequest("/whatever")).as(SyncResponse.class).path());
    TestClient.Answer ping = c.ping();
    assertEquals(Xids.PING, ping.header().xid());
    assertEquals(h.core.lastProcessedZxid(), ping.zxid());
    assertNull(ping.body());
  }

  @Test
  void whoAmIListsTheIpIdFirst() {
    c.digest("alice:pw");
    List<ClientInfo> infos =
        c.call(OpCode.WHO_AM_I, EmptyRequest.INSTANCE).as(WhoAmIResponse.class).clientInfo();
    assertEquals(
        List.of(new ClientInfo("ip", "127.0.0.1"), new ClientInfo("digest", "alice")), infos);
  }
}
