package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code server.N} line of zoo.cfg: {@code
 * host:quorumPort:electionPort[:participant|:observer][;[clientHost:]clientPort]}.
 *
 * <p>Addresses given as IP literals are resolved; host names stay unresolved so that the quorum
 * transport looks them up when it connects (and again after a failure), the way ZooKeeper
 * re-resolves its peers. Both addresses share the host, as in ZooKeeper.
 *
 * @param id the N of {@code server.N}, equal to that member's {@code myid}
 * @param quorumAddress where the leader listens for followers and observers
 * @param electionAddress where the member listens for leader election
 * @param role participant (votes) or observer
 * @param clientAddress the client port given after {@code ;}, if any ({@code 0.0.0.0} when only a
 *     port was given, as in ZooKeeper)
 */
public record QuorumMember(
    long id,
    InetSocketAddress quorumAddress,
    InetSocketAddress electionAddress,
    PeerRole role,
    Optional<InetSocketAddress> clientAddress) {

  /** Checks that nothing is null. */
  public QuorumMember {
    Objects.requireNonNull(quorumAddress, "quorumAddress");
    Objects.requireNonNull(electionAddress, "electionAddress");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(clientAddress, "clientAddress");
  }

  /** The host as written in zoo.cfg (an IP literal or a name). */
  public String host() {
    return quorumAddress.getHostString();
  }

  /** True for a voting member. */
  public boolean isParticipant() {
    return role == PeerRole.PARTICIPANT;
  }

  /**
   * The value of this member's line as ZooKeeper writes it back (its {@code QuorumServer} form):
   * {@code host:quorumPort:electionPort:role[;clientHost:clientPort]}, IPv6 hosts in brackets.
   */
  public String configValue() {
    StringBuilder sb =
        new StringBuilder()
            .append(delimitedHost(quorumAddress))
            .append(':')
            .append(quorumAddress.getPort())
            .append(':')
            .append(electionAddress.getPort())
            .append(':')
            .append(role.configName());
    clientAddress.ifPresent(
        a -> sb.append(';').append(delimitedHost(a)).append(':').append(a.getPort()));
    return sb.toString();
  }

  static String delimitedHost(InetSocketAddress address) {
    String host = address.getHostString();
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
