package io.paddock.server.core;

import static io.paddock.server.core.Requests.bytes;
import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.delete;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.client.protocol.DeleteContainerRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.GetAclResponse;
import io.paddock.client.protocol.ReconfigRequest;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetAclResponse;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.client.protocol.SetDataResponse;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** delete, setData, setACL, deleteContainer and reconfig: replies, codes, order of checks. */
class WriteOpsTest {
  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir);
    c = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void deleteChecksInZooKeepersOrder() {
    c.call(OpCode.CREATE, create("/a", ""));
    c.call(OpCode.CREATE, create("/a/b", ""));
    c.call(
        OpCode.CREATE,
        create("/nodelete", "", List.of(new Acl(Perms.ALL & ~Perms.DELETE, Id.ANYONE))));
    c.call(OpCode.CREATE, create("/nodelete/x", ""));
    for (String special :
        List.of(
            "/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config", "noslash", "/a\u0000")) {
      assertEquals(
          ErrorCode.BADARGUMENTS.code(), c.call(OpCode.DELETE, delete(special)).err(), special);
    }
    assertEquals(
        ErrorCode.NONODE.code(), c.call(OpCode.DELETE, delete("/none/x")).err(), "parent missing");
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.DELETE, delete("/nodelete/gone")).err(),
        "NOAUTH before the node's NONODE");
    assertEquals(ErrorCode.NONODE.code(), c.call(OpCode.DELETE, delete("/a/none")).err());
    assertEquals(
        ErrorCode.BADVERSION.code(),
        c.call(OpCode.DELETE, new DeleteRequest("/a", 5)).err(),
        "BADVERSION before NOTEMPTY");
    assertEquals(ErrorCode.NOTEMPTY.code(), c.call(OpCode.DELETE, delete("/a")).err());
    TestClient.Answer ok = c.call(OpCode.DELETE, new DeleteRequest("/a/b", 0));
    assertEquals(0, ok.err());
    assertNull(ok.body(), "a delete reply has no body");
  }

  @Test
  void setDataBumpsTheVersionAndChecksIt() {
    c.call(OpCode.CREATE, create("/s", "1"));
    TestClient.Answer a = c.call(OpCode.SET_DATA, new SetDataRequest("/s", bytes("22"), 0));
    SetDataResponse r = a.as(SetDataResponse.class);
    assertEquals(1, r.stat().version());
    assertEquals(a.zxid(), r.stat().mzxid());
    assertEquals(2, r.stat().dataLength());
    assertEquals(
        ErrorCode.BADVERSION.code(),
        c.call(OpCode.SET_DATA, new SetDataRequest("/s", null, 0)).err());
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.SET_DATA, new SetDataRequest("/none", null, -1)).err());
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        c.call(OpCode.SET_DATA, new SetDataRequest("/s/", null, -1)).err());
    c.call(OpCode.CREATE, create("/ro", "", List.of(new Acl(Perms.READ, Id.ANYONE))));
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.SET_DATA, new SetDataRequest("/ro", null, 7)).err(),
        "NOAUTH before BADVERSION");
  }

  @Test
  void setAclChecksFormThenNodeThenAdminThenVersion() {
    c.call(OpCode.CREATE, create("/x", ""));
    List<Acl> read = List.of(new Acl(Perms.READ, Id.ANYONE));
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        c.call(OpCode.SET_ACL, new SetAclRequest("/x/", read, -1)).err());
    assertEquals(
        ErrorCode.INVALIDACL.code(),
        c.call(OpCode.SET_ACL, new SetAclRequest("/none", List.of(), -1)).err(),
        "INVALIDACL before NONODE");
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.SET_ACL, new SetAclRequest("/none", read, -1)).err());
    assertEquals(
        ErrorCode.BADVERSION.code(),
        c.call(OpCode.SET_ACL, new SetAclRequest("/x", read, 3)).err());
    SetAclResponse ok =
        c.call(OpCode.SET_ACL, new SetAclRequest("/x", read, 0)).as(SetAclResponse.class);
    assertEquals(1, ok.stat().aversion());
    assertEquals(
        read,
        c.call(OpCode.GET_ACL, new io.paddock.client.protocol.GetAclRequest("/x"))
            .as(GetAclResponse.class)
            .acl());
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.SET_ACL, new SetAclRequest("/x", Requests.OPEN, -1)).err(),
        "without ADMIN");
  }

  @Test
  void reconfigIsDisabledAndConsumesAZxid() {
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a = c.call(OpCode.RECONFIG, new ReconfigRequest(null, null, null, -1));
    assertEquals(ErrorCode.RECONFIGDISABLED.code(), a.err());
    assertEquals(before + 1, a.zxid());
  }

  @Test
  void clientDeleteContainerNeedsDeleteOnTheParentAndAnEmptyContainer() {
    c.call(OpCode.CREATE_CONTAINER, create("/k", "", CreateMode.CONTAINER));
    c.call(OpCode.CREATE, create("/k/c", ""));
    c.call(OpCode.CREATE, create("/plain", ""));
    assertEquals(
        ErrorCode.NOTEMPTY.code(),
        c.call(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/k")).err());
    assertEquals(
        ErrorCode.BADARGUMENTS.code(),
        c.call(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/plain")).err());
    c.call(OpCode.DELETE, delete("/k/c"));
    c.call(
        OpCode.SET_ACL,
        new SetAclRequest("/", List.of(new Acl(Perms.ALL & ~Perms.DELETE, Id.ANYONE)), -1));
    assertEquals(
        ErrorCode.NOAUTH.code(),
        c.call(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/k")).err(),
        "Paddock checks DELETE on the parent");
    c.call(OpCode.SET_ACL, new SetAclRequest("/", Requests.OPEN, -1));
    assertEquals(0, c.call(OpCode.DELETE_CONTAINER, new DeleteContainerRequest("/k")).err());
  }
}
