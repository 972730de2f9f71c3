package io.paddock.client.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The hosts of a connect string in the order the client tries them: shuffled once with a seeded
 * random (so a failing run replays), then round-robin.
 *
 * <p>{@link #next()} hands out unresolved addresses so that the host name is resolved afresh on
 * every connection attempt (ZOOKEEPER-2184: a server whose address changed is found again). Not
 * thread-safe; the client uses it on its I/O thread.
 */
public final class HostList {
  private final List<ConnectString.HostAndPort> hosts;
  private int index = -1;

  /**
   * Shuffles the hosts.
   *
   * @param hosts at least one host
   * @param random the seeded source of the shuffle
   */
  public HostList(List<ConnectString.HostAndPort> hosts, Random random) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no hosts");
    }
    List<ConnectString.HostAndPort> copy = new ArrayList<>(hosts);
    Collections.shuffle(copy, random);
    this.hosts = List.copyOf(copy);
  }

  /** How many hosts there are. */
  public int size() {
    return hosts.size();
  }

  /** The hosts in trying order. */
  public List<ConnectString.HostAndPort> order() {
    return hosts;
  }

  /** The next host, round-robin, as an unresolved address. */
  public InetSocketAddress next() {
    index = (index + 1) % hosts.size();
    ConnectString.HostAndPort host = hosts.get(index);
    return InetSocketAddress.createUnresolved(host.host(), host.port());
  }
}
