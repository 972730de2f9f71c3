package io.paddock.server.config;

import java.util.Comparator;

/**
 * Renders the {@code conf} four-letter word as ZooKeeper 3.9 does ({@code
 * ZooKeeperServer.dumpConf}, and {@code QuorumZooKeeperServer.dumpConf} for a member of an
 * ensemble).
 */
final class ConfText {

  /** Paddock has no TLS client port; ZooKeeper prints -1 when it has none. */
  static final int NO_SECURE_CLIENT_PORT = -1;

  private ConfText() {}

  static String render(
      ServerConfig c, int clientPort, long dataDirSize, long dataLogSize, long configVersion) {
    StringBuilder sb = new StringBuilder();
    line(sb, "clientPort", clientPort);
    line(sb, "secureClientPort", NO_SECURE_CLIENT_PORT);
    line(sb, "dataDir", c.dataDir().toAbsolutePath().resolve(ConfigLimits.VERSION_DIR));
    line(sb, "dataDirSize", dataDirSize);
    line(sb, "dataLogDir", c.dataLogDir().toAbsolutePath().resolve(ConfigLimits.VERSION_DIR));
    line(sb, "dataLogSize", dataLogSize);
    line(sb, "tickTime", c.tickTimeMs());
    line(sb, "maxClientCnxns", c.maxClientCnxns());
    line(sb, "minSessionTimeout", c.minSessionTimeoutMs());
    line(sb, "maxSessionTimeout", c.maxSessionTimeoutMs());
    line(sb, "clientPortListenBacklog", c.clientPortListenBacklog());
    line(sb, "serverId", c.myid());
    if (c.isQuorum()) {
      QuorumMember self = c.self().orElseThrow();
      line(sb, "initLimit", c.initLimitTicks());
      line(sb, "syncLimit", c.syncLimitTicks());
      line(sb, "electionAlg", ConfigLimits.SUPPORTED_ELECTION_ALG);
      line(sb, "electionPort", self.electionAddress().getPort());
      line(sb, "quorumPort", self.quorumAddress().getPort());
      line(sb, "peerType", c.peerType().ordinal());
      sb.append("membership: \n");
      c.members().stream()
          .sorted(Comparator.comparingLong(QuorumMember::id))
          .forEach(
              m ->
                  sb.append("server.")
                      .append(m.id())
                      .append('=')
                      .append(m.configValue())
                      .append('\n'));
      sb.append("version=").append(Long.toHexString(configVersion));
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String key, Object value) {
    sb.append(key).append('=').append(value).append('\n');
  }
}
