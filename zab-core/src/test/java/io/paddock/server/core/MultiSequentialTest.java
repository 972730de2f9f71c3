package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.MultiResult;
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

/**
 * Later ops of a multi that name the sequential node an earlier op of the same multi creates: prep
 * checks them against the node that create makes (its name and its ACL), as ZooKeeper does.
 */
class MultiSequentialTest {
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

  private static MultiRequest multi(MultiOp... ops) {
    return new MultiRequest(List.of(ops));
  }

  private static MultiOp sequential(String path, List<Acl> acl) {
    return MultiOp.create(
        new CreateRequest(path, null, acl, CreateMode.PERSISTENT_SEQUENTIAL.flag()));
  }

  private List<MultiResult> results(TestClient.Answer a) {
    assertEquals(0, a.err());
    return a.as(MultiResponse.class).results();
  }

  @Test
  void aLaterOpMayNameTheSequentialNodeOfAnEarlierOne() {
    c.call(OpCode.CREATE, create("/q", ""));
    List<MultiResult> r =
        results(
            c.call(
                OpCode.MULTI,
                multi(
                    sequential("/q/s-", Requests.OPEN),
                    MultiOp.create(create("/q/s-0000000000/child", "")),
                    MultiOp.setData(new SetDataRequest("/q/s-0000000000", null, 0)),
                    MultiOp.check(new CheckVersionRequest("/q/s-0000000000", 1)))));
    assertEquals(new MultiResult.CreateResult("/q/s-0000000000"), r.get(0));
    assertEquals(new MultiResult.CreateResult("/q/s-0000000000/child"), r.get(1));
    assertEquals(0, c.call(OpCode.EXISTS, Requests.exists("/q/s-0000000000/child", false)).err());
  }

  @Test
  void theNameCountsEarlierCreatesOfTheMultiAndOfTheTree() {
    c.call(OpCode.CREATE, create("/q", ""));
    c.call(OpCode.CREATE, create("/q/x", ""));
    c.call(OpCode.DELETE, new DeleteRequest("/q/x", -1));
    List<MultiResult> r =
        results(
            c.call(
                OpCode.MULTI,
                multi(
                    MultiOp.create(create("/q/y", "")),
                    MultiOp.delete(new DeleteRequest("/q/y", -1)),
                    sequential("/q/s-", Requests.OPEN),
                    MultiOp.create(create("/q/s-0000000002/c", "")))));
    assertEquals(new MultiResult.CreateResult("/q/s-0000000002"), r.get(2));
    assertEquals(new MultiResult.CreateResult("/q/s-0000000002/c"), r.get(3));
  }

  @Test
  void theNameCountsCreatesOfEarlierWritesOfTheSameBatch() {
    c.call(OpCode.CREATE, create("/q", ""));
    int first = c.send(OpCode.CREATE, create("/q/x", ""));
    int second =
        c.send(
            OpCode.MULTI,
            multi(
                sequential("/q/s-", Requests.OPEN),
                MultiOp.create(create("/q/s-0000000001/c", ""))));
    h.barrier();
    assertEquals(0, c.reply(first).err());
    List<MultiResult> r = results(c.reply(second));
    assertEquals(new MultiResult.CreateResult("/q/s-0000000001/c"), r.get(1));
  }

  @Test
  void permissionsComeFromTheAclTheSequentialCreateGives() {
    c.call(OpCode.CREATE, create("/q", ""));
    List<Acl> readOnly = List.of(new Acl(Perms.READ, Id.ANYONE));
    List<MultiResult> r =
        results(
            c.call(
                OpCode.MULTI,
                multi(
                    sequential("/q/s-", readOnly),
                    MultiOp.create(create("/q/s-0000000000/c", "")))));
    assertEquals(
        List.of(
            new MultiResult.ErrorResult(0), new MultiResult.ErrorResult(ErrorCode.NOAUTH.code())),
        r);
    assertEquals(
        ErrorCode.NONODE.code(),
        c.call(OpCode.EXISTS, Requests.exists("/q/s-0000000000", false)).err());
  }

  @Test
  void anotherSuffixIsStillMissing() {
    c.call(OpCode.CREATE, create("/q", ""));
    List<MultiResult> r =
        results(
            c.call(
                OpCode.MULTI,
                multi(
                    sequential("/q/s-", Requests.OPEN),
                    MultiOp.setData(new SetDataRequest("/q/s-0000000001", null, -1)))));
    assertEquals(new MultiResult.ErrorResult(ErrorCode.NONODE.code()), r.get(1));
  }
}
