package io.paddock.server.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.MultiHeader;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.Xids;
import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import io.paddock.store.model.OpCode;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Vector counts below −1 in request bodies, sent raw to every core. ZooKeeper's jute reader reads
 * any such count as an empty vector (only −1 is null): an ACL of count −2 is an empty ACL, hence
 * INVALIDACL, and a SetWatches path list of count −2 is simply empty. The connection stays open.
 */
class NegativeVectorCountConformanceTest extends CoreTestBase {
  private static final int READ_TIMEOUT_MS = 10_000;

  /** A raw connection with a new session that records every frame it reads. */
  private static final class Raw implements AutoCloseable {
    private final Socket socket = new Socket();
    private final DataInputStream in;
    private final OutputStream out;
    private int xid;

    Raw(TestCore core) throws IOException {
      socket.connect(new InetSocketAddress(core.host(), core.port()), READ_TIMEOUT_MS);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      JuteWriter w = new JuteWriter();
      new ConnectRequest(0, 0, 30_000, 0, new byte[16], false, false).write(w);
      writeFrame(w.toByteArray());
      readFrame(); // the ConnectResponse
    }

    private void writeFrame(byte[] payload) throws IOException {
      JuteWriter w = new JuteWriter();
      w.writeInt(payload.length);
      w.writeRaw(payload, 0, payload.length);
      out.write(w.toByteArray());
      out.flush();
    }

    private byte[] readFrame() throws IOException {
      byte[] payload = new byte[in.readInt()];
      in.readFully(payload);
      return payload;
    }

    /**
     * Sends a request whose body {@code body} writes; returns the frames read up to and including
     * its reply, each as {@code xid err} (notifications as {@code event TYPE PATH}), and the body.
     */
    List<String> call(int op, Consumer<JuteWriter> body, List<JuteReader> replyBody)
        throws IOException {
      JuteWriter w = new JuteWriter();
      int mine = ++xid;
      new RequestHeader(mine, op).write(w);
      body.accept(w);
      writeFrame(w.toByteArray());
      List<String> seen = new ArrayList<>();
      while (true) {
        JuteReader r = new JuteReader(readFrame());
        ReplyHeader h = ReplyHeader.read(r);
        if (h.xid() == Xids.NOTIFICATION) {
          seen.add("event " + r.readInt() + " " + skipInt(r) + r.readString());
          continue;
        }
        seen.add(h.err() == 0 ? "OK" : Integer.toString(h.err()));
        if (h.xid() == mine) {
          replyBody.add(r);
          return seen;
        }
      }
    }

    private static String skipInt(JuteReader r) {
      r.readInt(); // the keeper state
      return "";
    }

    /** True when a ping is answered: the connection is still open. */
    boolean open() throws IOException {
      JuteWriter w = new JuteWriter();
      new RequestHeader(Xids.PING, OpCode.PING).write(w);
      writeFrame(w.toByteArray());
      return ReplyHeader.read(new JuteReader(readFrame())).xid() == Xids.PING;
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static void createBody(JuteWriter w, String path, int aclCount) {
    w.writeString(path);
    w.writeBuffer(null);
    w.writeInt(aclCount);
    w.writeInt(0);
  }

  private static Consumer<JuteWriter> create(String path) {
    return w -> new CreateRequest(path, null, Acl.OPEN_ACL_UNSAFE, 0).write(w);
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void anAclCountOfMinusTwoIsAnEmptyAcl(CoreKind kind) throws Exception {
    try (Raw c = new Raw(start(kind))) {
      List<JuteReader> body = new ArrayList<>();
      assertEquals(List.of("-114"), c.call(OpCode.CREATE, w -> createBody(w, "/a", -2), body));
      assertEquals(List.of("-114"), c.call(OpCode.CREATE2, w -> createBody(w, "/a", -9), body));
      assertEquals(List.of("OK"), c.call(OpCode.CREATE, create("/b"), body));
      Consumer<JuteWriter> setAcl =
          w -> {
            w.writeString("/b");
            w.writeInt(-2);
            w.writeInt(-1);
          };
      assertEquals(List.of("-114"), c.call(OpCode.SET_ACL, setAcl, body));
      assertEquals(true, c.open());
      Consumer<JuteWriter> exists =
          w -> {
            w.writeString("/a");
            w.writeBool(false);
          };
      assertEquals(List.of("-101"), c.call(OpCode.EXISTS, exists, body), "nothing created");
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void anAclCountOfMinusTwoInAMultiFailsThatOp(CoreKind kind) throws Exception {
    try (Raw c = new Raw(start(kind))) {
      List<JuteReader> body = new ArrayList<>();
      Consumer<JuteWriter> multi =
          w -> {
            new MultiHeader(OpCode.CREATE, false, -1).write(w);
            create("/m").accept(w);
            new MultiHeader(OpCode.CREATE, false, -1).write(w);
            createBody(w, "/m/c", -2);
            new MultiHeader(-1, true, -1).write(w);
          };
      assertEquals(List.of("OK"), c.call(OpCode.MULTI, multi, body));
      JuteReader r = body.get(0);
      List<String> results = new ArrayList<>();
      for (MultiHeader h = MultiHeader.read(r); !h.done(); h = MultiHeader.read(r)) {
        results.add(h.type() + ":" + h.err());
        r.readInt(); // the ErrorResponse
      }
      assertEquals(List.of("-1:0", "-1:-114"), results);
      assertEquals(true, c.open());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void setWatchesListsOfCountMinusTwoAreEmpty(CoreKind kind) throws Exception {
    try (Raw c = new Raw(start(kind))) {
      List<JuteReader> body = new ArrayList<>();
      Consumer<JuteWriter> setWatches =
          w -> {
            w.writeLong(0);
            w.writeInt(-2);
            w.writeInt(-2);
            w.writeInt(-2);
          };
      assertEquals(List.of("OK"), c.call(OpCode.SET_WATCHES, setWatches, body));
      Consumer<JuteWriter> setWatches2 =
          w -> {
            w.writeLong(0);
            w.writeInt(-2);
            w.writeStringList(List.of("/w")); // an exist watch: the lists after -2 still count
            w.writeInt(-3);
            w.writeInt(-2);
            w.writeInt(Integer.MIN_VALUE);
          };
      assertEquals(List.of("OK"), c.call(OpCode.SET_WATCHES2, setWatches2, body));
      assertEquals(List.of("event 1 /w", "OK"), c.call(OpCode.CREATE, create("/w"), body));
      assertEquals(true, c.open());
    }
  }
}
