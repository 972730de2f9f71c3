package io.paddock.server.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteContainerRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.EmptyRequest;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.GetAclRequest;
import io.paddock.client.protocol.GetAllChildrenNumberRequest;
import io.paddock.client.protocol.GetChildren2Request;
import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.GetEphemeralsRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.SyncRequest;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random requests — every op, odd paths, nulls, odd ACLs and flags, bad frames — from
 * several connections: the state thread never dies, nothing is left outstanding, and a bystander
 * session is served throughout.
 */
class CoreFuzzTest {
  private static final int SEEDS = 3;
  private static final int REQUESTS = 1500;
  private static final String[] PATHS = {
    "/",
    "/f",
    "/f/g",
    "/f/g/h",
    "/zookeeper",
    "/zookeeper/config",
    "",
    "f",
    "/f/",
    "//",
    "/.",
    "/f\u0000",
    "/\u0001",
    "/f/s-",
    null
  };

  @TempDir Path dir;

  @Test
  void randomRequestsNeverStopTheCore() throws Exception {
    for (long seed = 1; seed <= SEEDS; seed++) {
      Random r = new Random(seed);
      boolean ttl = seed % 2 == 0;
      try (CoreHarness h =
          CoreHarness.start(dir.resolve("s" + seed), b -> b.extendedTypesEnabled(ttl))) {
        TestClient bystander = h.connect();
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
          if (clients.isEmpty() || r.nextInt(100) == 0) {
            clients.add(h.connect());
          }
          TestClient c = clients.get(r.nextInt(clients.size()));
          send(h, c, r);
          if (i % 100 == 99) {
            h.barrier();
            assertNull(h.core.failure(), "seed " + seed + " after " + i);
            assertEquals(0, bystander.ping().err(), "the bystander is served");
            clients.removeIf(x -> x.channel.isClosed());
          }
        }
        h.barrier();
        assertNull(h.core.failure());
        assertEquals(0, h.core.outstandingRequests(), "every request was answered or dropped");
        assertTrue(h.core.isRunning());
      }
    }
  }

  private static void send(CoreHarness h, TestClient c, Random r) {
    int pick = r.nextInt(40);
    if (pick == 0) {
      h.core.onBadFrame(
          c.channel,
          new RequestHeader(r.nextInt(), r.nextInt(200) - 20),
          ServerCore.BadFrame.values()[r.nextInt(2)],
          "fuzz");
      return;
    }
    int op = OPS[r.nextInt(OPS.length)];
    c.send(op, body(op, r));
  }

  private static final int[] OPS = {
    OpCode.CREATE,
    OpCode.CREATE2,
    OpCode.CREATE_CONTAINER,
    OpCode.CREATE_TTL,
    OpCode.DELETE,
    OpCode.EXISTS,
    OpCode.GET_DATA,
    OpCode.SET_DATA,
    OpCode.GET_ACL,
    OpCode.SET_ACL,
    OpCode.GET_CHILDREN,
    OpCode.SYNC,
    OpCode.PING,
    OpCode.GET_CHILDREN2,
    OpCode.MULTI,
    OpCode.CHECK_WATCHES,
    OpCode.REMOVE_WATCHES,
    OpCode.DELETE_CONTAINER,
    OpCode.MULTI_READ,
    OpCode.AUTH,
    OpCode.SET_WATCHES2,
    OpCode.GET_EPHEMERALS,
    OpCode.GET_ALL_CHILDREN_NUMBER,
    OpCode.ADD_WATCH,
    OpCode.WHO_AM_I
  };

  private static String path(Random r) {
    return PATHS[r.nextInt(PATHS.length)];
  }

  private static List<Acl> acl(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> null;
      case 1 -> List.of();
      case 2 ->
          List.of(
              new Acl(
                  r.nextInt(64) - 16,
                  new Id(r.nextBoolean() ? "auth" : "digest", r.nextBoolean() ? "" : "a:b")));
      case 3 -> List.of(new Acl(31, new Id("ip", r.nextBoolean() ? "127.0.0.1/8" : "x")));
      default -> Acl.OPEN_ACL_UNSAFE;
    };
  }

  /** A body for the op; a record that refuses its random fields (a null it forbids) is redrawn. */
  private static Request body(int op, Random r) {
    for (int attempt = 0; ; attempt++) {
      try {
        return draw(op, r);
      } catch (NullPointerException | IllegalArgumentException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }

  private static Request draw(int op, Random r) {
    byte[] data = r.nextInt(5) == 0 ? null : new byte[r.nextInt(20)];
    int flags = r.nextInt(9) - 1;
    int version = r.nextInt(4) - 1;
    return switch (op) {
      case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER ->
          new CreateRequest(path(r), data, acl(r), flags);
      case OpCode.CREATE_TTL ->
          new CreateTtlRequest(path(r), data, acl(r), flags, r.nextInt(3) - 1L);
      case OpCode.DELETE -> new DeleteRequest(path(r), version);
      case OpCode.EXISTS -> new ExistsRequest(path(r), r.nextBoolean());
      case OpCode.GET_DATA -> new GetDataRequest(path(r), r.nextBoolean());
      case OpCode.SET_DATA -> new SetDataRequest(path(r), data, version);
      case OpCode.GET_ACL -> new GetAclRequest(path(r));
      case OpCode.SET_ACL -> new SetAclRequest(path(r), acl(r), version);
      case OpCode.GET_CHILDREN -> new GetChildrenRequest(path(r), r.nextBoolean());
      case OpCode.GET_CHILDREN2 -> new GetChildren2Request(path(r), r.nextBoolean());
      case OpCode.SYNC -> new SyncRequest(path(r));
      case OpCode.MULTI -> multi(r, false);
      case OpCode.MULTI_READ -> multi(r, r.nextInt(4) != 0);
      case OpCode.CHECK_WATCHES -> new CheckWatchesRequest(path(r), r.nextInt(7));
      case OpCode.REMOVE_WATCHES -> new RemoveWatchesRequest(path(r), r.nextInt(7));
      case OpCode.DELETE_CONTAINER -> new DeleteContainerRequest(path(r));
      case OpCode.AUTH -> new AuthPacket(0, r.nextInt(4) == 0 ? "bogus" : "digest", data);
      case OpCode.SET_WATCHES2 ->
          new SetWatches2(
              r.nextLong(),
              Arrays.asList(path(r)),
              List.of(),
              null,
              Arrays.asList(path(r)),
              List.of());
      case OpCode.GET_EPHEMERALS -> new GetEphemeralsRequest(path(r));
      case OpCode.GET_ALL_CHILDREN_NUMBER -> new GetAllChildrenNumberRequest(path(r));
      case OpCode.ADD_WATCH -> new AddWatchRequest(path(r), r.nextInt(3));
      default -> EmptyRequest.INSTANCE;
    };
  }

  private static MultiRequest multi(Random r, boolean reads) {
    List<MultiOp> ops = new ArrayList<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String p = path(r);
      try {
        ops.add(
            reads
                ? (r.nextBoolean()
                    ? MultiOp.getData(new GetDataRequest(p, true))
                    : MultiOp.getChildren(new GetChildrenRequest(p, false)))
                : switch (r.nextInt(4)) {
                  case 0 ->
                      MultiOp.create(new CreateRequest(p, null, Acl.OPEN_ACL_UNSAFE, r.nextInt(5)));
                  case 1 -> MultiOp.delete(new DeleteRequest(p, -1));
                  case 2 -> MultiOp.setData(new SetDataRequest(p, null, r.nextInt(3) - 1));
                  default -> MultiOp.check(new CheckVersionRequest(p, -1));
                });
      } catch (IllegalArgumentException e) {
        // a combination the decoder would refuse: not sent
      }
    }
    return new MultiRequest(ops);
  }
}
