package io.paddock.recipes.naming;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A network endpoint bound to a name, stored as the UTF-8 text {@code host:port} (IPv6 hosts in
 * brackets: {@code [::1]:80}).
 *
 * @param host a host name or address, without brackets
 * @param port the port, 0–65535
 */
public record Endpoint(String host, int port) {
  /** The highest port number. */
  public static final int PORT_MAX = 65_535;

  /** Checks the fields. */
  public Endpoint {
    Objects.requireNonNull(host, "host");
    if (host.isEmpty() || host.contains("[") || host.contains("]")) {
      throw new IllegalArgumentException("not a host: '" + host + "'");
    }
    if (port < 0 || port > PORT_MAX) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  /** The stored text. */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** The stored bytes. */
  public byte[] toBytes() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses {@code host:port} or {@code [v6]:port}.
   *
   * @throws IllegalArgumentException when the text is not an endpoint
   */
  public static Endpoint parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("not host:port: '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new Endpoint(host, Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not host:port: '" + text + "'", e);
    }
  }

  /** Parses stored bytes. */
  public static Endpoint fromBytes(byte[] data) {
    return parse(new String(data, StandardCharsets.UTF_8));
  }
}
