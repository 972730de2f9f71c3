package io.paddock.server.config;

import static io.paddock.server.config.ConfigLimits.*;
import static io.paddock.server.config.ZooCfgKeys.*;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks of {@link ServerConfigBuilder#build()}: bounds of every setting, then the rules that
 * tie settings together (session timeout bounds, the ensemble, myid, ports). Every failure names
 * the zoo.cfg key.
 */
final class ConfigValidator {

  /** Values computed from several settings. */
  record Derived(
      int minSessionTimeoutMs,
      int maxSessionTimeoutMs,
      InetSocketAddress clientAddress,
      PeerRole peerType,
      long myid,
      boolean quorum) {}

  private ConfigValidator() {}

  static Derived validate(ServerConfigBuilder b) {
    if (b.dataDir == null) {
      throw new ConfigException(DATA_DIR, "not set; it is required");
    }
    checkBounds(b);
    int minTimeout = sessionTimeout(MIN_SESSION_TIMEOUT, b.minSessionTimeoutMs, b, 2);
    int maxTimeout = sessionTimeout(MAX_SESSION_TIMEOUT, b.maxSessionTimeoutMs, b, 20);
    if (minTimeout > maxTimeout) {
      throw new ConfigException(
          MIN_SESSION_TIMEOUT,
          MIN_SESSION_TIMEOUT + " " + minTimeout + " > " + MAX_SESSION_TIMEOUT + " " + maxTimeout);
    }
    checkMembers(b.members);
    boolean quorum = b.members.stream().filter(QuorumMember::isParticipant).count() >= 2;
    Optional<QuorumMember> self = selfOf(b, quorum);
    if (quorum) {
      checkQuorumLimits(b);
    }
    long myid = quorum ? b.myid : 0;
    if (b.extendedTypesEnabled && myid > EXTENDED_TYPES_SERVER_ID_MAX) {
      throw new ConfigException(
          MYID,
          "server id "
              + myid
              + " is above "
              + EXTENDED_TYPES_SERVER_ID_MAX
              + ", the largest allowed when "
              + EXTENDED_TYPES_ENABLED
              + " is true");
    }
    InetSocketAddress client = clientAddress(b, self);
    self.ifPresent(m -> checkClientPortIsFree(client, m));
    PeerRole role = self.map(QuorumMember::role).orElse(b.peerType);
    return new Derived(minTimeout, maxTimeout, client, role, myid, quorum);
  }

  private static void checkBounds(ServerConfigBuilder b) {
    range(TICK_TIME, b.tickTimeMs, TICK_TIME_MIN_MS, TICK_TIME_MAX_MS);
    atLeast(CLIENT_PORT_LISTEN_BACKLOG, b.clientPortListenBacklog, LISTEN_BACKLOG_MIN);
    atLeast(MAX_CLIENT_CNXNS, b.maxClientCnxns, 0);
    atLeast(SNAP_COUNT, b.snapCount, SNAP_COUNT_MIN);
    range(PRE_ALLOC_SIZE, b.preAllocSizeKb, 0, PRE_ALLOC_SIZE_KB_MAX);
    atLeast(SNAP_RETAIN_COUNT, b.autopurgeSnapRetainCount, SNAP_RETAIN_COUNT_MIN);
    atLeast(PURGE_INTERVAL, b.autopurgeIntervalHours, 0);
    atLeast(JUTE_MAX_BUFFER, b.juteMaxBufferBytes, JUTE_MAX_BUFFER_MIN_BYTES);
    atLeast(GLOBAL_OUTSTANDING_LIMIT, b.globalOutstandingLimit, GLOBAL_OUTSTANDING_LIMIT_MIN);
    atLeast(CONTAINER_CHECK_INTERVAL, b.containerCheckIntervalMs, 1);
    atLeast(CONTAINER_MAX_PER_MINUTE, b.containerMaxPerMinute, 1);
    atLeast(CONTAINER_MAX_NEVER_USED, b.containerMaxNeverUsedIntervalMs, 0);
    atLeast(INIT_LIMIT, b.initLimitTicks, 0);
    atLeast(SYNC_LIMIT, b.syncLimitTicks, 0);
    atLeast(ELECTION_PORT_BIND_RETRY, b.electionPortBindRetry, 0);
    Set<String> unknown = new HashSet<>(b.fourLetterWordWhitelist);
    unknown.removeAll(FourLetterWords.ALL);
    if (!unknown.isEmpty()) {
      throw new ConfigException(
          FOUR_LETTER_WORD_WHITELIST,
          "not four-letter words: " + unknown.stream().sorted().toList());
    }
    if (b.superDigest != null && !b.superDigest.matches("[^:\\s]+:[A-Za-z0-9+/=]+")) {
      throw ConfigException.badValue(
          SUPER_DIGEST, b.superDigest, "is not user:base64(sha1), e.g. super:<28 characters>");
    }
  }

  private static int sessionTimeout(String key, int value, ServerConfigBuilder b, int ticks) {
    if (value == SESSION_TIMEOUT_UNSET) {
      return b.tickTimeMs * ticks;
    }
    atLeast(key, value, SESSION_TIMEOUT_MIN_MS);
    return value;
  }

  private static void checkMembers(List<QuorumMember> members) {
    Map<String, String> portOwners = new HashMap<>();
    Set<Long> ids = new HashSet<>();
    for (QuorumMember m : members) {
      String key = SERVER_PREFIX + m.id();
      range(key, "server id ", m.id(), SERVER_ID_MIN, SERVER_ID_MAX);
      if (!ids.add(m.id())) {
        throw new ConfigException(key, "server id " + m.id() + " appears twice");
      }
      int quorumPort = m.quorumAddress().getPort();
      int electionPort = m.electionAddress().getPort();
      port(key, "quorumPort ", quorumPort, PEER_PORT_MIN);
      port(key, "electionPort ", electionPort, PEER_PORT_MIN);
      if (quorumPort == electionPort) {
        throw new ConfigException(
            key, "quorumPort and electionPort must differ, both are " + quorumPort);
      }
      claimPort(portOwners, key, "quorumPort", m.host(), quorumPort);
      claimPort(portOwners, key, "electionPort", m.host(), electionPort);
      if (m.clientAddress().isPresent()) {
        InetSocketAddress c = m.clientAddress().get();
        boolean onMemberHost =
            c.getAddress() != null && c.getAddress().isAnyLocalAddress()
                || c.getHostString().equalsIgnoreCase(m.host());
        String host = onMemberHost ? m.host() : c.getHostString();
        claimPort(portOwners, key, "clientPort", host, c.getPort());
      }
    }
    long participants = members.stream().filter(QuorumMember::isParticipant).count();
    if (participants < 2 && participants < members.size()) {
      String observers =
          members.stream()
              .filter(m -> !m.isParticipant())
              .map(m -> SERVER_PREFIX + m.id())
              .collect(Collectors.joining(", "));
      throw new ConfigException(
          observers.split(",")[0],
          observers
              + ": observers need an ensemble of at least two participants, found "
              + participants);
    }
  }

  private static void claimPort(
      Map<String, String> owners, String key, String what, String host, int port) {
    if (port == 0) {
      return;
    }
    String slot = host.toLowerCase(Locale.ROOT) + ":" + port;
    String previous = owners.putIfAbsent(slot, key + " " + what);
    if (previous != null) {
      throw new ConfigException(
          key, what + " " + port + " on " + host + " is already used as " + previous);
    }
  }

  private static Optional<QuorumMember> selfOf(ServerConfigBuilder b, boolean quorum) {
    if (b.myid == null) {
      if (quorum) {
        throw new ConfigException(
            MYID,
            b.dataDir.resolve(MYID_FILE_NAME)
                + " is missing; in an ensemble it must hold this server's id, one of "
                + memberIds(b));
      }
      return Optional.empty();
    }
    range(MYID, "server id ", b.myid, SERVER_ID_MIN, SERVER_ID_MAX);
    long id = b.myid;
    Optional<QuorumMember> self = b.members.stream().filter(m -> m.id() == id).findFirst();
    if (quorum && self.isEmpty()) {
      throw new ConfigException(
          MYID, "this server's id " + b.myid + " is not among the server ids " + memberIds(b));
    }
    return self;
  }

  private static String memberIds(ServerConfigBuilder b) {
    return b.members.stream().map(m -> Long.toString(m.id())).sorted().toList().toString();
  }

  private static void checkQuorumLimits(ServerConfigBuilder b) {
    if (b.initLimitTicks == 0) {
      throw new ConfigException(INIT_LIMIT, "not set; an ensemble needs it (ticks, e.g. 10)");
    }
    if (b.syncLimitTicks == 0) {
      throw new ConfigException(SYNC_LIMIT, "not set; an ensemble needs it (ticks, e.g. 5)");
    }
  }

  /**
   * The client address: clientPort/clientPortAddress, or the {@code ;clientPort} part of this
   * server's line. When both are given they must agree (ZooKeeper's rule: same address, or the same
   * port when clientPortAddress is the wildcard).
   */
  private static InetSocketAddress clientAddress(
      ServerConfigBuilder b, Optional<QuorumMember> self) {
    Optional<InetSocketAddress> fromLine = self.flatMap(QuorumMember::clientAddress);
    if (b.clientPort == null) {
      if (b.clientPortAddress != null) {
        throw new ConfigException(CLIENT_PORT_ADDRESS, "is set but clientPort is not set");
      }
      return fromLine.orElseThrow(
          () ->
              new ConfigException(
                  CLIENT_PORT,
                  "not set; give clientPort, or a ;clientPort in this server's server.N line"));
    }
    port(CLIENT_PORT, "", b.clientPort, CLIENT_PORT_MIN);
    InetAddress bind = b.clientPortAddress;
    InetSocketAddress fromKeys =
        bind == null
            ? new InetSocketAddress(b.clientPort)
            : new InetSocketAddress(bind, b.clientPort);
    if (fromLine.isPresent()) {
      InetSocketAddress line = fromLine.get();
      boolean agree =
          bind == null ? line.getPort() == fromKeys.getPort() : sameAddress(line, fromKeys);
      if (!agree) {
        throw new ConfigException(
            CLIENT_PORT,
            "clientPort/clientPortAddress "
                + fromKeys
                + " differs from the client address "
                + line
                + " in server."
                + self.get().id());
      }
      return line;
    }
    return fromKeys;
  }

  /** This server's client port must not be one of its own quorum or election ports. */
  private static void checkClientPortIsFree(InetSocketAddress client, QuorumMember self) {
    boolean sameHost =
        client.getAddress() != null && client.getAddress().isAnyLocalAddress()
            || client.getHostString().equalsIgnoreCase(self.host());
    int port = client.getPort();
    if (sameHost
        && (port == self.quorumAddress().getPort() || port == self.electionAddress().getPort())) {
      throw new ConfigException(
          CLIENT_PORT,
          "client port " + port + " is also a quorum or election port of server." + self.id());
    }
  }

  private static boolean sameAddress(InetSocketAddress a, InetSocketAddress b) {
    if (a.getPort() != b.getPort()) {
      return false;
    }
    if (a.getAddress() != null && b.getAddress() != null) {
      return a.getAddress().equals(b.getAddress());
    }
    return a.getHostString().equalsIgnoreCase(b.getHostString());
  }

  static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw new ConfigException(key, value + " is below the minimum " + min);
    }
  }

  static void range(String key, long value, long min, long max) {
    range(key, "", value, min, max);
  }

  static void range(String key, String label, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ConfigException(key, label + value + " is outside " + min + ".." + max);
    }
  }

  static void port(String key, String label, int value, int min) {
    if (value < min || value > PORT_MAX) {
      throw new ConfigException(
          key, label + value + " is not a port (" + min + ".." + PORT_MAX + ")");
    }
  }
}
