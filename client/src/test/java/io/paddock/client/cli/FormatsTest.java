package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.paddock.client.ConnectionState;
import io.paddock.client.PaddockException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.EventType;
import io.paddock.store.model.Id;
import io.paddock.store.model.Stat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZKUtil;
import org.apache.zookeeper.cli.AclParser;
import org.apache.zookeeper.cli.CliWrapperException;
import org.apache.zookeeper.cli.StatPrinter;
import org.apache.zookeeper.common.PathUtils;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;

/**
 * The shell's texts against zkCli's own code (ZooKeeper 3.9.3's StatPrinter, CliWrapperException,
 * WatchedEvent, Id, ZKUtil, AclParser, PathUtils), called in this JVM on the same inputs.
 */
class FormatsTest {
  private static final long SEED = new Random().nextLong();

  private static String printed(java.util.function.Consumer<PrintStream> printing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, UTF_8)) {
      printing.accept(out);
    }
    return bytes.toString(UTF_8);
  }

  @Test
  void statBlockIsStatPrinters() {
    Random random = new Random(SEED);
    for (int i = 0; i < 200; i++) {
      Stat s =
          new Stat(
              random.nextLong(),
              random.nextLong() >>> random.nextInt(64),
              random.nextLong() >>> 20,
              random.nextLong() >>> 20,
              random.nextInt(),
              random.nextInt(),
              random.nextInt(),
              random.nextLong(),
              random.nextInt(),
              random.nextInt(),
              random.nextLong());
      org.apache.zookeeper.data.Stat theirs =
          new org.apache.zookeeper.data.Stat(
              s.czxid(),
              s.mzxid(),
              s.ctime(),
              s.mtime(),
              s.version(),
              s.cversion(),
              s.aversion(),
              s.ephemeralOwner(),
              s.dataLength(),
              s.numChildren(),
              s.pzxid());
      assertEquals(
          printed(out -> new StatPrinter(out).print(theirs)),
          Formats.stat(s) + System.lineSeparator(),
          "seed " + SEED);
    }
  }

  @Test
  void errorMessagesAreCliWrapperExceptions() {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.isOk()) {
        continue;
      }
      for (String path : new String[] {"/a/b", null}) {
        KeeperException keeperException;
        try {
          keeperException = KeeperException.create(KeeperException.Code.get(code.code()), path);
        } catch (IllegalArgumentException internalOnly) {
          continue; // e.g. UNKNOWNSESSION: ZooKeeper's client has no exception for it
        }
        String theirs = new CliWrapperException(keeperException).getMessage();
        assertEquals(theirs, Formats.error(PaddockException.create(code, path)), code + " " + path);
      }
    }
  }

  @Test
  void eventLinesAreWatchedEventToString() {
    for (EventType type : EventType.values()) {
      for (ConnectionState state : ConnectionState.values()) {
        String name = Formats.keeperStateName(state);
        if (name == null) {
          continue;
        }
        Watcher.Event.KeeperState keeperState = Watcher.Event.KeeperState.valueOf(name);
        WatchedEvent theirs =
            new WatchedEvent(
                Watcher.Event.EventType.fromInt(type.code()), keeperState, "/p/q", 0x1234);
        assertEquals(theirs.toString(), Formats.event(name, type, "/p/q", 0x1234));
      }
    }
    assertEquals(
        new WatchedEvent(Watcher.Event.EventType.None, Watcher.Event.KeeperState.Expired, null, -1)
            .toString(),
        Formats.event("Expired", EventType.NONE, null, -1));
    assertNull(Formats.keeperStateName(ConnectionState.CONNECTING));
  }

  @Test
  void promptStatesAreZooKeeperStates() {
    assertEquals("CONNECTING", Formats.clientStateName(ConnectionState.CONNECTING));
    assertEquals("CONNECTING", Formats.clientStateName(ConnectionState.DISCONNECTED));
    assertEquals("CONNECTED", Formats.clientStateName(ConnectionState.CONNECTED));
    assertEquals("CONNECTEDREADONLY", Formats.clientStateName(ConnectionState.CONNECTED_READ_ONLY));
    assertEquals("CLOSED", Formats.clientStateName(ConnectionState.EXPIRED));
    assertEquals("CLOSED", Formats.clientStateName(ConnectionState.CLOSED));
    assertEquals("AUTH_FAILED", Formats.clientStateName(ConnectionState.AUTH_FAILED));
    for (ConnectionState state : ConnectionState.values()) {
      org.apache.zookeeper.ZooKeeper.States.valueOf(Formats.clientStateName(state));
    }
  }

  @Test
  void aclEntriesAreIdToStringAndPermString() {
    List<String> ids = List.of("anyone", "u:Ab+/c=", "a,b}c%d\ne\rf", "", "10.0.0.0/8");
    for (int perms = 0; perms < 32; perms++) {
      for (String id : ids) {
        org.apache.zookeeper.data.Id theirs = new org.apache.zookeeper.data.Id("scheme", id);
        int p = perms;
        assertEquals(
            printed(out -> out.println(theirs + ": " + ZKUtil.getPermString(p))),
            Formats.aclEntry(new Id("scheme", id), perms) + System.lineSeparator());
      }
    }
  }

  @Test
  void aclParsingIsAclParsers() {
    Printer quiet =
        new Printer(
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()));
    for (String text :
        List.of(
            "world:anyone:cdrwa",
            "digest:user:hash=:r,ip:10.0.0.1:wa",
            "auth::cdrwa",
            "bad,world:anyone:x",
            "ip:1.2.3.4/8:rrw,sasl:a:b:c:d",
            "x:y:",
            ",")) {
      List<Acl> expected = new ArrayList<>();
      for (ACL acl : AclParser.parse(text)) {
        expected.add(new Acl(acl.getPerms(), new Id(acl.getId().getScheme(), acl.getId().getId())));
      }
      assertEquals(expected, Acls.parse(text, quiet), text);
    }
  }

  @Test
  void pathMessagesArePathUtils() throws Exception {
    List<String> paths =
        List.of(
            "/",
            "/a",
            "a",
            "",
            "/a/",
            "//a",
            "/a//b",
            "/a/./b",
            "/a/../b",
            "/.",
            "/..",
            "/a.",
            "/..a",
            "/a\u0000b",
            "/a\u0001",
            "/a\u007f",
            "/a\ud800",
            "/a\ufff5",
            "/ok/é");
    for (String path : paths) {
      for (boolean sequential : new boolean[] {false, true}) {
        String theirs = null;
        try {
          PathUtils.validatePath(path, sequential);
        } catch (IllegalArgumentException e) {
          theirs = e.getMessage();
        }
        String ours = null;
        try {
          Formats.checkPath(path, sequential);
        } catch (CliException e) {
          ours = e.getMessage();
        }
        assertEquals(theirs, ours, "[" + path + "] sequential " + sequential);
      }
    }
  }
}
