package io.paddock.client.internal;

import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed connect string, {@code h1:p1,h2:p2/opt/chroot} (PROTOCOL.md §3.4): the hosts in the
 * order given and the chroot.
 *
 * <p>Hosts are {@code host}, {@code host:port} or {@code [ipv6]:port}; the port defaults to 2181.
 * The chroot starts at the first '/', is validated as a path, and "/" means none (null).
 *
 * @param hosts the hosts, at least one, at most {@link ClientLimits#HOSTS_MAX}
 * @param chroot the chroot path, or null for none
 */
public record ConnectString(List<HostAndPort> hosts, String chroot) {
  /**
   * One host of the list.
   *
   * @param host a host name or address literal (without IPv6 brackets)
   * @param port 1..65535
   */
  public record HostAndPort(String host, int port) {}

  /** Copies the host list. */
  public ConnectString {
    hosts = List.copyOf(hosts);
  }

  /**
   * Parses a connect string.
   *
   * @throws IllegalArgumentException for an empty host list, a bad port, too many hosts, or an
   *     invalid chroot
   */
  public static ConnectString parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty connect string");
    }
    String hostPart = text;
    String chroot = null;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String root = text.substring(slash);
      if (root.length() > 1) {
        chroot = ZnodePaths.validate(root);
      }
      hostPart = text.substring(0, slash);
    }
    List<HostAndPort> hosts = new ArrayList<>();
    for (String item : hostPart.split(",", -1)) {
      String host = item.trim();
      if (host.isEmpty()) {
        continue;
      }
      if (hosts.size() >= ClientLimits.HOSTS_MAX) {
        throw new IllegalArgumentException("more than " + ClientLimits.HOSTS_MAX + " hosts");
      }
      hosts.add(parseHost(host));
    }
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no host in connect string \"" + text + "\"");
    }
    return new ConnectString(hosts, chroot);
  }

  private static HostAndPort parseHost(String text) {
    String host = text;
    String port = null;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed '[' in host \"" + text + "\"");
      }
      host = text.substring(1, close);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new IllegalArgumentException("bad host \"" + text + "\"");
        }
        port = rest.substring(1);
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon >= 0) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      }
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("empty host name in \"" + text + "\"");
    }
    return new HostAndPort(host, port == null ? ClientLimits.DEFAULT_PORT : parsePort(port, text));
  }

  private static int parsePort(String port, String text) {
    try {
      int value = Integer.parseInt(port.trim());
      if (value < 1 || value > 65_535) {
        throw new IllegalArgumentException("port out of range in \"" + text + "\"");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in \"" + text + "\"", e);
    }
  }
}
