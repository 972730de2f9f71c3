package io.paddock.server.badinput;

import static io.paddock.server.badinput.Frames.concat;
import static io.paddock.server.badinput.Frames.frame;
import static io.paddock.server.badinput.Frames.requestPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that decode but carry bad arguments: create flags, paths (PROTOCOL 9.1, the server-side
 * table), ACLs (9.10), TTLs, watch modes; and valid records followed by garbage in the same frame,
 * which readers ignore (PROTOCOL 1). Each is answered and the connection stays open, on Apache
 * ZooKeeper and Paddock alike.
 */
class ArgumentBadInputTest extends BadInputTestBase {

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void createFlagsOutsideZeroToSixAreBadArgumentsAndConsumeAZxid(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    for (int flags : new int[] {7, -1, 8, Integer.MAX_VALUE}) {
      try (WireClient w = connected(core)) {
        w.request(1, OpCode.GET_DATA, new GetDataRequest(node, false));
        long before = w.readReply(WireClient.REPLY_WAIT).zxid();
        w.request(
            9, OpCode.CREATE, new CreateRequest(node + "/f", null, Acl.OPEN_ACL_UNSAFE, flags));
        var reply = w.readReply(WireClient.REPLY_WAIT);
        assertEquals(
            "reply xid=9 zxid=zxid BADARGUMENTS", Outcome.describe(reply), "flags " + flags);
        assertEquals(before + 1, reply.zxid(), "a failed write consumes a zxid");
      }
    }
    assertEquals("NONODE", getDataCode(core, node + "/f"));
  }

  /**
   * ZooKeeper 3.9.3's codes for bad paths, per op (recorded live; PROTOCOL 9.1). The parent {@code
   * P} exists and has a child {@code P/x}. "create -s" is create with flags 2 (sequential): the
   * server validates the name after adding the suffix, so a trailing '/' or a last segment "."
   * becomes valid. Reads do no validation: they look the path up and find nothing (the empty path
   * is the root's alias).
   */
  private static final String[] PATH_TABLE = {
    // path         create        create -s     setData       delete        exists        getData
    //    setACL
    "noslash       |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |BADARGUMENTS",
    "P-rel/x       |NONODE       |NONODE       |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/x/          |BADARGUMENTS |OK           |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "/P            |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P//x          |NONODE       |NONODE       |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/./x         |NONODE       |NONODE       |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/../x        |NONODE       |NONODE       |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/.           |BADARGUMENTS |OK           |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/x\\u0000y   |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |BADARGUMENTS",
    "P/x\\u0001y   |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/x\\u007f    |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/\\ud800     |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "P/\\uffff     |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |NONODE       |NONODE       |NONODE       |BADARGUMENTS",
    "(empty)       |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |BADARGUMENTS |OK           |OK           |BADARGUMENTS",
  };

  private static final String[] PATH_OPS = {
    "create", "create -s", "setData", "delete", "exists", "getData", "setACL"
  };

  static Stream<Arguments> badPaths() {
    List<Arguments> all = new ArrayList<>();
    for (CoreKind kind : CoreKind.all()) {
      for (String row : PATH_TABLE) {
        String[] cells = row.split("\\|");
        for (int i = 0; i < PATH_OPS.length; i++) {
          all.add(Arguments.of(kind, cells[0].trim(), PATH_OPS[i], cells[i + 1].trim()));
        }
      }
    }
    return all.stream();
  }

  /** A table path with P replaced by the parent and escapes decoded. */
  private static String path(String pattern, String parent) {
    if (pattern.equals("(empty)")) {
      return "";
    }
    String p =
        pattern
            .replace("P-rel", parent.substring(1))
            .replace("/P", "/" + parent)
            .replace("P", parent);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      if (p.startsWith("\\u", i)) {
        s.append((char) Integer.parseInt(p.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        s.append(p.charAt(i));
      }
    }
    return s.toString();
  }

  private static Request pathRequest(String op, String path) {
    return switch (op) {
      case "create" -> new CreateRequest(path, null, Acl.OPEN_ACL_UNSAFE, 0);
      case "create -s" -> new CreateRequest(path, null, Acl.OPEN_ACL_UNSAFE, 2);
      case "setData" -> new SetDataRequest(path, null, -1);
      case "delete" -> new DeleteRequest(path, -1);
      case "exists" -> new ExistsRequest(path, false);
      case "getData" -> new GetDataRequest(path, false);
      case "setACL" -> new SetAclRequest(path, Acl.OPEN_ACL_UNSAFE, -1);
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static int opCode(String op) {
    return switch (op) {
      case "create", "create -s" -> OpCode.CREATE;
      case "setData" -> OpCode.SET_DATA;
      case "delete" -> OpCode.DELETE;
      case "exists" -> OpCode.EXISTS;
      case "getData" -> OpCode.GET_DATA;
      case "setACL" -> OpCode.SET_ACL;
      default -> throw new IllegalArgumentException(op);
    };
  }

  @ParameterizedTest(name = "{0}: {2} \"{1}\" -> {3}")
  @MethodSource("badPaths")
  void badPathsGetZooKeepersCodes(CoreKind kind, String pattern, String op, String code) {
    TestCore core = core(kind);
    String parent = freshNode(core, "x");
    String path = path(pattern, parent);
    try (WireClient w = connected(core)) {
      w.request(10, opCode(op), pathRequest(op, path));
      assertEquals("reply xid=10 zxid=zxid " + code + "; open", w.outcome().text());
    }
  }

  static Stream<Arguments> badAcls() {
    List<List<Acl>> acls =
        List.of(
            List.of(),
            List.of(new Acl(31, new Id("nosuch", "x"))),
            List.of(new Acl(31, new Id("digest", "nocolon"))),
            List.of(new Acl(31, new Id("digest", "a:b:c"))),
            List.of(new Acl(31, new Id("auth", ""))),
            List.of(new Acl(31, new Id("ip", "zz"))),
            List.of(new Acl(31, new Id("world", "someone"))),
            List.of(new Acl(31, new Id("super", "x"))),
            List.of(new Acl(31, new Id("world", "anyone")), new Acl(31, new Id("nosuch", "x"))));
    List<Arguments> all = new ArrayList<>();
    for (CoreKind kind : CoreKind.all()) {
      for (List<Acl> acl : acls) {
        all.add(Arguments.of(kind, acl));
      }
      all.add(Arguments.of(kind, null)); // the null vector, count -1
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badAcls")
  void badAclsAreInvalidAclOnCreateAndSetAcl(CoreKind kind, List<Acl> acl) {
    TestCore core = core(kind);
    String node = freshNode(core);
    try (WireClient w = connected(core)) {
      w.request(11, OpCode.CREATE, new CreateRequest(node + "/a", null, acl, 0));
      assertEquals("reply xid=11 zxid=zxid INVALIDACL; open", w.outcome().text(), "create");
      w.request(12, OpCode.SET_ACL, new SetAclRequest(node, acl, -1));
      assertEquals("reply xid=12 zxid=zxid INVALIDACL; open", w.outcome().text(), "setACL");
    }
    assertEquals("NONODE", getDataCode(core, node + "/a"));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void badTtlsAreBadArguments(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    try (WireClient w = connected(core)) {
      for (Request bad :
          List.of(
              new CreateTtlRequest(node + "/t", null, Acl.OPEN_ACL_UNSAFE, 5, 0), // ttl 0
              new CreateTtlRequest(node + "/t", null, Acl.OPEN_ACL_UNSAFE, 5, 0x100_0000_0000L),
              new CreateTtlRequest(node + "/t", null, Acl.OPEN_ACL_UNSAFE, 0, 100))) { // not TTL
        w.request(15, OpCode.CREATE_TTL, bad);
        assertEquals(
            "reply xid=15 zxid=zxid BADARGUMENTS; open", w.outcome().text(), bad.toString());
      }
    }
  }

  /** Out-of-range watch modes and types fail in decoding on ZooKeeper: MARSHALLINGERROR, kept. */
  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void outOfRangeWatchModesAreMarshallingErrors(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    try (WireClient w = connected(core)) {
      w.request(15, OpCode.ADD_WATCH, new AddWatchRequest(node, 7));
      assertEquals("reply xid=15 zxid=zxid MARSHALLINGERROR; open", w.outcome().text());
      w.request(16, OpCode.REMOVE_WATCHES, new RemoveWatchesRequest(node, 9));
      assertEquals("reply xid=16 zxid=zxid MARSHALLINGERROR; open", w.outcome().text());
      w.request(17, OpCode.CHECK_WATCHES, new CheckWatchesRequest(node, 9));
      assertEquals("reply xid=17 zxid=zxid MARSHALLINGERROR; open", w.outcome().text());
    }
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void bytesAfterAValidRecordAreIgnored(CoreKind kind) {
    TestCore core = core(kind);
    String node = freshNode(core);
    byte[] garbage = "\u0000\u0000\u0000\u0005garbage\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    try (WireClient w = connected(core)) {
      w.send(
          frame(
              concat(
                  requestPayload(12, OpCode.GET_DATA, new GetDataRequest(node, false)), garbage)));
      assertEquals("reply xid=12 zxid=zxid OK; open", w.outcome().text(), "getData");
      w.send(
          frame(
              concat(
                  requestPayload(
                      13,
                      OpCode.CREATE,
                      new CreateRequest(
                          node + "/g",
                          "x".getBytes(StandardCharsets.UTF_8),
                          Acl.OPEN_ACL_UNSAFE,
                          0)),
                  garbage)));
      assertEquals("reply xid=13 zxid=zxid OK; open", w.outcome().text(), "create");
      w.send(frame(concat(requestPayload(-2, OpCode.PING, null), garbage)));
      assertEquals("reply xid=-2 zxid=zxid OK; open", w.outcome().text(), "ping");
      w.send(frame(concat(requestPayload(14, OpCode.CLOSE_SESSION, null), garbage)));
      assertEquals("reply xid=14 zxid=zxid OK; closed", w.outcome().text(), "closeSession");
    }
    assertEquals("OK", getDataCode(core, node + "/g"), "the create with trailing bytes took");
  }
}
