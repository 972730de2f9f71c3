package io.paddock.server.badinput;

import static io.paddock.server.badinput.Frames.concat;
import static io.paddock.server.badinput.Frames.frame;
import static io.paddock.server.badinput.Frames.requestPayload;

import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.GetAclRequest;
import io.paddock.client.protocol.GetAllChildrenNumberRequest;
import io.paddock.client.protocol.GetChildren2Request;
import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.GetEphemeralsRequest;
import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.SyncRequest;
import io.paddock.client.protocol.WireLimits;
import io.paddock.store.model.Acl;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded source of bad frames: valid request frames (or ConnectRequests, for first frames)
 * mutated by bit flips, truncation, length-field changes, random op codes, hostile ints where
 * lengths and vector counts sit, random byte runs and trailing garbage; and purely random frames
 * and bytes. The same seed gives the same frames.
 *
 * <p>Valid requests name paths under {@link #SCRATCH} or under {@link #SENTINEL}; the sentinel
 * belongs to another session and lets the world only READ, so no request from a fuzz connection,
 * mutated or not, may change it.
 */
final class FrameMutator {
  static final String SCRATCH = "/fz";
  static final String SENTINEL = "/sentinel";

  private static final int MAX_BUFFER = WireLimits.JUTE_MAX_BUFFER_DEFAULT;
  private static final int[] HOSTILE_INTS = {
    -2,
    -1,
    0,
    1,
    2,
    7,
    255,
    1 << 16,
    1 << 30,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    MAX_BUFFER,
    MAX_BUFFER + 1,
    2 * MAX_BUFFER + 1
  };
  private static final int[] INTERESTING_OPS = {
    -12, -11, -10, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
    22, 23, 55, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108
  };

  /**
   * One fuzz input.
   *
   * @param bytes what is written on the connection
   * @param firstFrame true when it is sent instead of a handshake
   * @param description how it was made, for failure messages
   */
  record Input(byte[] bytes, boolean firstFrame, String description) {}

  private final Random random;
  private int counter;

  FrameMutator(long seed) {
    random = new Random(seed);
  }

  /** The next input. */
  Input next() {
    counter++;
    boolean first = random.nextInt(10) == 0;
    int kind = random.nextInt(100);
    if (kind < 6) {
      byte[] bytes = new byte[random.nextInt(24)];
      random.nextBytes(bytes);
      return new Input(bytes, first, "random bytes");
    }
    if (kind < 14) {
      byte[] payload = new byte[random.nextInt(96)];
      random.nextBytes(payload);
      if (!first && payload.length >= 8 && random.nextBoolean()) {
        System.arraycopy(Frames.int32(op()), 0, payload, 4, 4);
      }
      return new Input(frame(payload), first, "random frame");
    }
    List<String> how = new ArrayList<>();
    byte[] bytes;
    if (first) {
      bytes = frame(connectRequest().toBytes());
      how.add("ConnectRequest");
    } else {
      Base base = base();
      bytes = frame(requestPayload(xid(), base.op, base.body));
      how.add(base.description);
    }
    if (kind < 19) {
      how.add("unmutated");
      return new Input(bytes, first, String.join(", ", how));
    }
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      bytes = mutate(bytes, first, how);
    }
    return new Input(bytes, first, String.join(", ", how));
  }

  private record Base(int op, JuteRecord body, String description) {}

  private int xid() {
    return random.nextInt(8) == 0 ? HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)] : counter;
  }

  private int op() {
    return random.nextInt(4) == 0
        ? random.nextInt()
        : INTERESTING_OPS[random.nextInt(INTERESTING_OPS.length)];
  }

  private String scratch() {
    return SCRATCH + "/c" + random.nextInt(8);
  }

  private String sentinel() {
    return switch (random.nextInt(4)) {
      case 0 -> SENTINEL;
      case 1 -> SENTINEL + "/a";
      case 2 -> SENTINEL + "/b";
      default -> SENTINEL + "/b/c";
    };
  }

  private String anyPath() {
    return random.nextBoolean() ? scratch() : sentinel();
  }

  private byte[] data() {
    byte[] d = new byte[random.nextInt(16)];
    random.nextBytes(d);
    return random.nextInt(8) == 0 ? null : d;
  }

  private Base base() {
    String p = anyPath();
    return switch (random.nextInt(26)) {
      case 0 ->
          new Base(
              OpCode.CREATE,
              new CreateRequest(scratch(), data(), Acl.OPEN_ACL_UNSAFE, random.nextInt(5)),
              "create");
      case 1 ->
          new Base(
              OpCode.CREATE2,
              new CreateRequest(p + "/n", data(), Acl.OPEN_ACL_UNSAFE, random.nextInt(4)),
              "create2 " + p);
      case 2 ->
          new Base(
              OpCode.CREATE_CONTAINER,
              new CreateRequest(scratch(), null, Acl.OPEN_ACL_UNSAFE, 4),
              "createContainer");
      case 3 ->
          new Base(
              OpCode.CREATE_TTL,
              new CreateTtlRequest(
                  scratch(),
                  null,
                  Acl.OPEN_ACL_UNSAFE,
                  5 + random.nextInt(2),
                  1 + random.nextInt(100_000)),
              "createTTL");
      case 4 ->
          new Base(
              OpCode.DELETE, new DeleteRequest(p, random.nextBoolean() ? -1 : 0), "delete " + p);
      case 5 -> new Base(OpCode.EXISTS, new ExistsRequest(p, random.nextBoolean()), "exists");
      case 6 -> new Base(OpCode.GET_DATA, new GetDataRequest(p, random.nextBoolean()), "getData");
      case 7 ->
          new Base(
              OpCode.SET_DATA,
              new SetDataRequest(p, data(), random.nextBoolean() ? -1 : 0),
              "setData " + p);
      case 8 -> new Base(OpCode.GET_ACL, new GetAclRequest(p), "getACL");
      case 9 ->
          new Base(OpCode.SET_ACL, new SetAclRequest(p, Acl.OPEN_ACL_UNSAFE, -1), "setACL " + p);
      case 10 ->
          new Base(
              OpCode.GET_CHILDREN, new GetChildrenRequest(p, random.nextBoolean()), "getChildren");
      case 11 ->
          new Base(
              OpCode.GET_CHILDREN2,
              new GetChildren2Request(p, random.nextBoolean()),
              "getChildren2");
      case 12 -> new Base(OpCode.SYNC, new SyncRequest(p), "sync");
      case 13 -> new Base(OpCode.PING, null, "ping");
      case 14 ->
          new Base(
              OpCode.MULTI,
              new MultiRequest(
                  List.of(
                      MultiOp.create(new CreateRequest(scratch(), data(), Acl.OPEN_ACL_UNSAFE, 0)),
                      MultiOp.setData(new SetDataRequest(anyPath(), data(), -1)),
                      MultiOp.check(new CheckVersionRequest(anyPath(), random.nextInt(3) - 1)),
                      MultiOp.delete(new DeleteRequest(anyPath(), -1)))),
              "multi");
      case 15 ->
          new Base(
              OpCode.MULTI_READ,
              new MultiRequest(
                  List.of(
                      MultiOp.getData(new GetDataRequest(p, false)),
                      MultiOp.getChildren(new GetChildrenRequest(anyPath(), false)))),
              "multiRead");
      case 16 ->
          new Base(
              OpCode.SET_WATCHES,
              new SetWatches(
                  random.nextInt(1000), List.of(p), List.of(anyPath()), List.of(anyPath())),
              "setWatches");
      case 17 ->
          new Base(
              OpCode.SET_WATCHES2,
              new SetWatches2(
                  random.nextInt(1000),
                  List.of(p),
                  List.of(),
                  List.of(anyPath()),
                  List.of(anyPath()),
                  List.of(SCRATCH)),
              "setWatches2");
      case 18 -> new Base(OpCode.ADD_WATCH, new AddWatchRequest(p, random.nextInt(2)), "addWatch");
      case 19 ->
          new Base(
              OpCode.REMOVE_WATCHES,
              new RemoveWatchesRequest(p, 1 + random.nextInt(5)),
              "removeWatches");
      case 20 ->
          new Base(
              OpCode.CHECK_WATCHES,
              new CheckWatchesRequest(p, 1 + random.nextInt(5)),
              "checkWatches");
      case 21 -> new Base(OpCode.GET_EPHEMERALS, new GetEphemeralsRequest(p), "getEphemerals");
      case 22 ->
          new Base(
              OpCode.GET_ALL_CHILDREN_NUMBER,
              new GetAllChildrenNumberRequest(p),
              "getAllChildrenNumber");
      case 23 -> new Base(OpCode.WHO_AM_I, null, "whoAmI");
      case 24 ->
          new Base(
              OpCode.AUTH,
              new AuthPacket(
                  0,
                  random.nextBoolean() ? "digest" : "ip",
                  "fz:pw".getBytes(StandardCharsets.UTF_8)),
              "auth");
      default -> new Base(OpCode.CLOSE_SESSION, null, "closeSession");
    };
  }

  private ConnectRequest connectRequest() {
    long session = random.nextInt(4) == 0 ? random.nextLong() : 0;
    byte[] passwd = new byte[random.nextInt(4) == 0 ? random.nextInt(32) : 16];
    random.nextBytes(passwd);
    return new ConnectRequest(
        random.nextInt(8) == 0 ? random.nextInt() : 0,
        random.nextInt(4) == 0 ? random.nextLong() : 0,
        random.nextBoolean() ? 1000 : random.nextInt(),
        session,
        passwd,
        random.nextBoolean(),
        random.nextInt(8) != 0);
  }

  private byte[] mutate(byte[] bytes, boolean first, List<String> how) {
    if (bytes.length < 4) {
      how.add("(too short to mutate)");
      return bytes;
    }
    byte[] b = bytes.clone();
    int payload = b.length - 4;
    switch (random.nextInt(9)) {
      case 0 -> {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && payload > 0; i++) {
          int pos = 4 + random.nextInt(payload);
          b[pos] ^= (byte) (1 << random.nextInt(8));
        }
        how.add("flip " + flips + " bits");
      }
      case 1 -> {
        int keep = payload <= 0 ? 0 : random.nextInt(payload);
        b = frame(Frames.cut(java.util.Arrays.copyOfRange(b, 4, b.length), keep));
        how.add("truncate payload to " + keep);
      }
      case 2 -> {
        int keep = random.nextInt(b.length + 1);
        b = Frames.cut(b, keep);
        how.add("cut the bytes at " + keep + " (length kept)");
      }
      case 3 -> {
        int length =
            switch (random.nextInt(3)) {
              case 0 -> HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)];
              case 1 -> payload + random.nextInt(17) - 8;
              default -> random.nextInt();
            };
        System.arraycopy(Frames.int32(length), 0, b, 0, 4);
        how.add("length field " + length);
      }
      case 4 -> {
        if (!first && b.length >= 12) {
          int op = op();
          System.arraycopy(Frames.int32(op), 0, b, 8, 4);
          how.add("op " + op);
        } else {
          how.add("(no op to change)");
        }
      }
      case 5 -> {
        if (payload >= 4) {
          int pos = 4 + random.nextInt(payload - 3);
          int v = HOSTILE_INTS[random.nextInt(HOSTILE_INTS.length)];
          System.arraycopy(Frames.int32(v), 0, b, pos, 4);
          how.add("int " + v + " at " + (pos - 4));
        } else {
          how.add("(no room for an int)");
        }
      }
      case 6 -> {
        if (payload > 0) {
          int pos = 4 + random.nextInt(payload);
          int n = Math.min(b.length - pos, 1 + random.nextInt(16));
          byte[] junk = new byte[n];
          random.nextBytes(junk);
          System.arraycopy(junk, 0, b, pos, n);
          how.add("random " + n + " bytes at " + (pos - 4));
        } else {
          how.add("(no bytes to overwrite)");
        }
      }
      case 7 -> {
        byte[] junk = new byte[1 + random.nextInt(32)];
        random.nextBytes(junk);
        boolean fix = random.nextBoolean();
        b = concat(b, junk);
        if (fix) {
          System.arraycopy(Frames.int32(b.length - 4), 0, b, 0, 4);
        }
        how.add("append " + junk.length + " bytes" + (fix ? " inside the frame" : " after it"));
      }
      default -> {
        int v = random.nextInt();
        if (payload >= 4) {
          int pos = 4 + random.nextInt(payload - 3);
          System.arraycopy(Frames.int32(v), 0, b, pos, 4);
        }
        how.add("random int at a random place");
      }
    }
    return b;
  }
}
