package io.paddock.server.badinput;

import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the exact-outcome suites: one Apache ZooKeeper (the reference) and one Paddock (the
 * subject) per test class, started on first use on 127.0.0.1, and helpers that give each test its
 * own fresh nodes so tests sharing a core cannot see each other.
 */
abstract class BadInputTestBase {
  @TempDir static Path coreDirs;

  private static final Map<CoreKind, TestCore> CORES = new EnumMap<>(CoreKind.class);
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** The core of a kind for this class, started on first use. */
  static synchronized TestCore core(CoreKind kind) {
    return CORES.computeIfAbsent(
        kind,
        k -> {
          try {
            return k.start(Files.createDirectories(coreDirs.resolve(k.name())));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @AfterAll
  static synchronized void stopCores() {
    CORES.values().forEach(TestCore::close);
    CORES.clear();
  }

  /** A raw connection with a new session; the caller closes it. */
  static WireClient connected(TestCore core) {
    WireClient w = new WireClient(core.host(), core.port());
    w.handshake();
    return w;
  }

  /** A raw connection without a handshake; the caller closes it. */
  static WireClient unconnected(TestCore core) {
    return new WireClient(core.host(), core.port());
  }

  /**
   * Creates a fresh persistent node with an open ACL (and the given children) that no other test
   * uses, and returns its path, such as {@code /n7}.
   */
  static String freshNode(TestCore core, String... children) {
    String path = "/n" + NAMES.incrementAndGet();
    try (WireClient w = connected(core)) {
      expectOk(w, OpCode.CREATE, new CreateRequest(path, null, Acl.OPEN_ACL_UNSAFE, 0));
      for (String child : children) {
        expectOk(
            w, OpCode.CREATE, new CreateRequest(path + "/" + child, null, Acl.OPEN_ACL_UNSAFE, 0));
      }
    }
    return path;
  }

  /** The error code a fresh connection gets for getData of {@code path} (OK when it exists). */
  static String getDataCode(TestCore core, String path) {
    try (WireClient w = connected(core)) {
      w.request(1, OpCode.GET_DATA, new GetDataRequest(path, false));
      return Outcome.codeName(w.readReply(WireClient.REPLY_WAIT).err());
    }
  }

  private static void expectOk(WireClient w, int op, io.paddock.client.protocol.Request body) {
    w.request(1, op, body);
    ReplyHeader h = w.readReply(WireClient.REPLY_WAIT);
    if (h == null || h.err() != ErrorCode.OK.code()) {
      throw new IllegalStateException("setup " + body + " failed: " + h);
    }
  }
}
