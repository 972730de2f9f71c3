package io.paddock.server.config;

import com.google.common.net.InetAddresses;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Parses one {@code server.N=host:quorumPort:electionPort[:role][;[clientHost:]clientPort]} line as
 * ZooKeeper's {@code QuorumPeer.QuorumServer} does: IPv6 hosts in brackets, a client part of just a
 * port binds {@code 0.0.0.0}, the role is case-insensitive. Departure: several addresses separated
 * by {@code |} (ZooKeeper's multiAddress) are refused.
 */
final class ServerLineParser {

  static final String EXPECTED =
      "expected host:quorumPort:electionPort[:role][;[clientHost:]clientPort]";

  /** ZooKeeper's client host when only a client port is given. */
  static final String WILDCARD_HOST = "0.0.0.0";

  private ServerLineParser() {}

  /**
   * Parses a line.
   *
   * @param key the key, {@code server.N}
   * @param value the value, trimmed
   * @throws ConfigException naming the key
   */
  static QuorumMember parse(String key, String value) {
    long id = serverId(key);
    // String.split drops trailing empty parts, as in ZooKeeper: "h:1:2;" has no client part.
    String[] serverAndClient = value.split(";");
    if (serverAndClient.length > 2) {
      throw malformed(key, value);
    }
    if (serverAndClient[0].contains("|")) {
      throw new ConfigException(
          key,
          "several addresses separated by | (multiAddress) are not supported, got \""
              + value
              + '"');
    }
    String[] server = hostAndPorts(key, value, serverAndClient[0]);
    if (server.length < 3 || server.length > 4) {
      throw malformed(key, value);
    }
    String host = host(key, value, server[0]);
    int quorumPort = port(key, "quorumPort", server[1]);
    int electionPort = port(key, "electionPort", server[2]);
    PeerRole role = server.length == 4 ? PeerRole.parse(key, server[3]) : PeerRole.PARTICIPANT;
    Optional<InetSocketAddress> client = Optional.empty();
    if (serverAndClient.length == 2) {
      String[] clientParts = hostAndPorts(key, value, serverAndClient[1].trim());
      if (clientParts.length > 2) {
        throw malformed(key, value);
      }
      String clientHost =
          clientParts.length == 2 ? host(key, value, clientParts[0]) : WILDCARD_HOST;
      int clientPort = port(key, "clientPort", clientParts[clientParts.length - 1]);
      client = Optional.of(address(clientHost, clientPort));
    }
    return new QuorumMember(
        id, address(host, quorumPort), address(host, electionPort), role, client);
  }

  /** The N of {@code server.N}. */
  static long serverId(String key) {
    String n = key.substring(ZooCfgKeys.SERVER_PREFIX.length());
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw ConfigException.badValue(key, n, "is not a server id (a whole number)");
    }
  }

  /**
   * An address for a host as written. IP literals are resolved without DNS and print in their
   * canonical form ({@code [::1]} becomes {@code 0:0:0:0:0:0:0:1}), as ZooKeeper prints them; host
   * names stay unresolved for the transport to look up when it connects.
   */
  static InetSocketAddress address(String host, int port) {
    if (InetAddresses.isInetAddress(host)) {
      return new InetSocketAddress(InetAddresses.forString(host), port);
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** Splits {@code host:port[:...]}, with an IPv6 host in brackets (ConfigUtils.getHostAndPort). */
  private static String[] hostAndPorts(String key, String value, String part) {
    String s = part.trim();
    if (!s.startsWith("[")) {
      return s.split(":");
    }
    int close = s.indexOf(']');
    if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
      throw malformed(key, value);
    }
    String[] rest = s.substring(close + 2).split(":");
    String[] all = new String[rest.length + 1];
    all[0] = s.substring(1, close);
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static String host(String key, String value, String host) {
    String h = host.trim();
    if (h.isEmpty() || h.chars().anyMatch(Character::isWhitespace)) {
      throw malformed(key, value);
    }
    return h;
  }

  private static int port(String key, String label, String text) {
    String t = text.trim();
    int port;
    try {
      port = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, label + " \"" + t + "\" is not a whole number");
    }
    int min =
        label.equals("clientPort") ? ConfigLimits.CLIENT_PORT_MIN : ConfigLimits.PEER_PORT_MIN;
    ConfigValidator.port(key, label + " ", port, min);
    return port;
  }

  private static ConfigException malformed(String key, String value) {
    return new ConfigException(key, EXPECTED + ", got \"" + value + '"');
  }
}
