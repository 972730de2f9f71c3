package io.paddock.server.core;

import static io.paddock.server.core.Requests.bytes;
import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.MultiResult;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetDataRequest;
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

/** multi (op 14) and multiRead (op 22): result encodings, failure shape, zxid rules (§6.3). */
class MultiTest {
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

  private TestClient.Answer multi(MultiOp... ops) {
    return c.call(OpCode.MULTI, new MultiRequest(List.of(ops)));
  }

  @Test
  void successGivesOneResultPerOpAllAtTheMultisZxid() {
    c.call(OpCode.CREATE, create("/x", ""));
    TestClient.Answer a =
        multi(
            MultiOp.create(create("/m", "1")),
            MultiOp.create2(create("/m/c", "")),
            MultiOp.createContainer(create("/k", "", CreateMode.CONTAINER)),
            MultiOp.setData(new SetDataRequest("/m", bytes("2"), 0)),
            MultiOp.check(new CheckVersionRequest("/m", 1)),
            MultiOp.delete(new DeleteRequest("/x", -1)));
    assertEquals(0, a.err());
    List<MultiResult> r = a.as(MultiResponse.class).results();
    assertEquals(new MultiResult.CreateResult("/m"), r.get(0));
    MultiResult.Create2Result c2 = assertInstanceOf(MultiResult.Create2Result.class, r.get(1));
    assertEquals(a.zxid(), c2.stat().czxid(), "every op carries the multi's zxid");
    assertInstanceOf(
        MultiResult.Create2Result.class, r.get(2), "createContainer answers as create2");
    assertEquals(1, assertInstanceOf(MultiResult.SetDataResult.class, r.get(3)).stat().version());
    assertEquals(new MultiResult.CheckResult(), r.get(4));
    assertEquals(new MultiResult.DeleteResult(), r.get(5));
  }

  @Test
  void failureIsHeaderOkWithErrorResultsAndConsumesAZxid() {
    c.call(OpCode.CREATE, create("/exists", ""));
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a =
        multi(
            MultiOp.create(create("/fresh", "")),
            MultiOp.create(create("/exists", "")),
            MultiOp.delete(new DeleteRequest("/fresh", -1)));
    assertEquals(0, a.err(), "a failed multi still has header err 0");
    assertEquals(before + 1, a.zxid());
    assertEquals(
        List.of(
            new MultiResult.ErrorResult(0),
            new MultiResult.ErrorResult(ErrorCode.NODEEXISTS.code()),
            new MultiResult.ErrorResult(ErrorCode.RUNTIMEINCONSISTENCY.code())),
        a.as(MultiResponse.class).results());
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.EXISTS, Requests.exists("/fresh", false)).err(),
        "nothing took effect");
  }

  @Test
  void aPrepFailureFailsTheMultiAtItsPosition() {
    c.call(OpCode.CREATE, create("/ro", "", List.of(new Acl(Perms.READ, Id.ANYONE))));
    TestClient.Answer a =
        multi(
            MultiOp.create(create("/ok", "")),
            MultiOp.setData(new SetDataRequest("/ro", null, -1)),
            MultiOp.create(create("/never", "")));
    assertEquals(
        List.of(
            new MultiResult.ErrorResult(0),
            new MultiResult.ErrorResult(ErrorCode.NOAUTH.code()),
            new MultiResult.ErrorResult(ErrorCode.RUNTIMEINCONSISTENCY.code())),
        a.as(MultiResponse.class).results());
  }

  @Test
  void laterOpsSeeEarlierOnesOfTheSameMulti() {
    List<Acl> mine = List.of(new Acl(Perms.READ | Perms.CREATE, Id.ANYONE));
    TestClient.Answer a =
        multi(
            MultiOp.create(create("/p", "", mine)),
            MultiOp.create(create("/p/q", "")),
            MultiOp.create(create("/p/q/r", "")));
    assertEquals(
        0, a.as(MultiResponse.class).firstError(), "the parent created by op 0 exists for op 1");
    TestClient.Answer denied =
        multi(
            MultiOp.create(create("/p2", "", List.of(new Acl(Perms.READ, Id.ANYONE)))),
            MultiOp.create(create("/p2/q", "")));
    assertEquals(
        ErrorCode.NOAUTH.code(),
        denied.as(MultiResponse.class).results().get(1).err(),
        "op 1 is checked against op 0's ACL");
  }

  @Test
  void emptyMultiConsumesAZxid() {
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a = multi();
    assertEquals(0, a.err());
    assertEquals(before + 1, a.zxid());
    assertTrue(a.as(MultiResponse.class).results().isEmpty());
  }

  @Test
  void readOpsInOp14AreAMarshallingErrorThatConsumesAZxid() {
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a = multi(MultiOp.getData(Requests.getData("/", false)));
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), a.err());
    assertEquals(before + 1, a.zxid());
  }

  @Test
  void aMultiThatDoesNotDecodeConsumesAZxidAndKeepsTheConnection() {
    long before = h.core.lastProcessedZxid();
    h.core.onBadFrame(
        c.channel,
        new RequestHeader(9, OpCode.MULTI),
        ServerCore.BadFrame.MALFORMED_BODY,
        "mixes read and write ops");
    h.barrier();
    TestClient.Answer a = c.reply(9);
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), a.err());
    assertEquals(before + 1, a.zxid(), "PROTOCOL 6.3: the mixed multi consumes a zxid");
    assertFalse(c.channel.isClosed(), "ZooKeeper 3.9.3 keeps the connection open");
    assertEquals(0, c.ping().err());
  }

  @Test
  void multiReadAnswersEachOpOnItsOwnWithoutAZxid() {
    c.call(OpCode.CREATE, create("/r", "rd"));
    c.call(OpCode.CREATE, create("/r/kid", ""));
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a =
        c.call(
            OpCode.MULTI_READ,
            new MultiRequest(
                List.of(
                    MultiOp.getData(Requests.getData("/r", true)),
                    MultiOp.getData(Requests.getData("/none", false)),
                    MultiOp.getChildren(Requests.getChildren("/r", false)))));
    assertEquals(0, a.err());
    assertEquals(before, a.zxid());
    List<MultiResult> r = a.as(MultiResponse.class).results();
    assertArrayEquals(
        bytes("rd"), assertInstanceOf(MultiResult.GetDataResult.class, r.get(0)).data());
    assertEquals(new MultiResult.ErrorResult(ErrorCode.NONODE.code()), r.get(1));
    assertEquals(new MultiResult.GetChildrenResult(List.of("kid")), r.get(2));
    c.call(OpCode.SET_DATA, Requests.setData("/r", "changed"));
    assertTrue(c.notifications().isEmpty(), "multiRead ignores the watch flag");
    assertEquals(before + 1, h.core.lastProcessedZxid());
  }

  @Test
  void writeOpsInMultiReadAreAMarshallingError() {
    long before = h.core.lastProcessedZxid();
    TestClient.Answer a =
        c.call(OpCode.MULTI_READ, new MultiRequest(List.of(MultiOp.create(create("/w", "")))));
    assertEquals(ErrorCode.MARSHALLINGERROR.code(), a.err());
    assertEquals(before, h.core.lastProcessedZxid());
  }
}
