package io.paddock.server;

import io.paddock.server.config.QuorumMember;
import io.paddock.server.config.ServerConfig;
import io.paddock.server.core.EnsembleCore;
import io.paddock.server.quorum.QuorumTransport;
import io.paddock.server.quorum.QuorumTransportSettings;
import io.paddock.server.zab.ZabMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One ensemble member as the server runs it: the quorum transport (election and quorum ports) and
 * the {@link EnsembleCore}. Messages that arrive before the core runs wait in order, so no quorum
 * message is lost between binding the ports and starting the core.
 */
final class MemberStack implements QuorumTransport.Inbound {
  private final List<Object> early = new ArrayList<>();
  private QuorumTransport transport;
  private volatile EnsembleCore core;

  private MemberStack() {}

  /**
   * Binds this member's quorum and election ports (from its server.N line; port 0 picks a free
   * one), retrying the bind {@code electionPortBindRetry} times as ZooKeeper does.
   */
  static MemberStack bind(ServerConfig config) {
    QuorumMember self =
        config
            .self()
            .orElseThrow(
                () -> new IllegalArgumentException("no server." + config.myid() + " line"));
    return bindOn(
        config.myid(),
        self.quorumAddress(),
        self.electionAddress(),
        config.electionPortBindRetry());
  }

  /** Binds member {@code myId}'s ports on the given addresses (port 0: a free one). */
  static MemberStack bindOn(
      long myId, InetSocketAddress quorum, InetSocketAddress election, int bindAttempts) {
    MemberStack stack = new MemberStack();
    RuntimeException last = null;
    for (int i = 0; i < Math.max(1, bindAttempts); i++) {
      try {
        stack.transport =
            QuorumTransport.bind(myId, quorum, election, stack, QuorumTransportSettings.defaults());
        return stack;
      } catch (UncheckedIOException e) {
        last = e;
        java.util.concurrent.locks.LockSupport.parkNanos(BIND_RETRY_NANOS);
      }
    }
    throw last;
  }

  /** The pause between two attempts to bind a port that is still held. */
  private static final long BIND_RETRY_NANOS = 100_000_000L;

  int quorumPort() {
    return transport.quorumPort();
  }

  int electionPort() {
    return transport.electionPort();
  }

  EnsembleCore core() {
    return core;
  }

  QuorumTransport transport() {
    return transport;
  }

  /** The server's view of this member, for {@link EmbeddedServer}; {@code config} is final. */
  EmbeddedServer.Core serverCore(ServerConfig finalConfig) {
    EnsembleCore built = EnsembleCore.builder(finalConfig).build();
    Runnable start =
        () -> {
          try {
            built.start(transport, transport::flush);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot open the data in " + finalConfig.dataDir(), e);
          }
          attach(built);
          transport.connectTo(
              QuorumTransport.PeerAddress.ofMembers(finalConfig.members(), finalConfig.myid()));
        };
    Runnable close =
        () -> {
          try {
            transport.close();
          } finally {
            built.close();
          }
        };
    return new EmbeddedServer.Core(
        built, start, close, built::setBoundClientPort, built::isOverloaded);
  }

  private synchronized void attach(EnsembleCore started) {
    core = started;
    for (Object e : early) {
      deliver(started, e);
    }
    early.clear();
  }

  private record Early(long fromId, ZabMessage message) {}

  private static void deliver(EnsembleCore c, Object e) {
    if (e instanceof Early m) {
      c.onPeerMessage(m.fromId(), m.message());
    } else {
      c.onPeerDisconnected((Long) e);
    }
  }

  @Override
  public void onMessage(long fromId, ZabMessage m) {
    EnsembleCore c = core;
    if (c == null && buffer(new Early(fromId, m))) {
      return;
    }
    core.onPeerMessage(fromId, m);
  }

  @Override
  public void onDisconnected(long peerId) {
    EnsembleCore c = core;
    if (c == null && buffer(peerId)) {
      return;
    }
    core.onPeerDisconnected(peerId);
  }

  private synchronized boolean buffer(Object e) {
    if (core != null) {
      return false;
    }
    if (early.size() >= EARLY_MESSAGES_MAX) {
      early.remove(0); // a member that never starts its core must not grow without bound
    }
    early.add(e);
    return true;
  }

  /** How many messages may wait for the core to start. */
  static final int EARLY_MESSAGES_MAX = 10_000;

  /** Cuts this member off from {@code peers} (test support). */
  void isolate(Set<Long> peers) {
    transport.isolate(peers);
  }

  void heal() {
    transport.heal();
  }
}
