package io.paddock.server.core.auth;

/**
 * The {@code ip} scheme, exactly as ZooKeeper 3.9.3's {@code IPAuthenticationProvider}: an ACL id
 * is a dotted IPv4 address with an optional {@code /bits} mask ({@code 10.0.0.0/8}); a client
 * matches when its address agrees with the ACL address on the first {@code bits} bits. Like
 * ZooKeeper 3.9.3, only IPv4 is understood: an IPv6 client never matches, and an IPv6 ACL id is
 * invalid.
 */
public final class IpAuth {
  /** The scheme name. */
  public static final String SCHEME = "ip";

  private static final int IPV4_PARTS = 4;
  private static final int OCTET_MAX = 255;
  private static final int BITS_PER_BYTE = 8;

  private IpAuth() {}

  /** True when {@code aclId} is a valid ip ACL id (address, optional mask within range). */
  public static boolean isValid(String aclId) {
    String[] parts = aclId.split("/", 2);
    byte[] address = v4Bytes(parts[0]);
    if (address == null) {
      return false;
    }
    return parts.length != 2 || parseBits(parts[1], address.length) >= 0;
  }

  /**
   * True when the client address {@code clientIp} matches the ACL id {@code aclId}.
   *
   * @param clientIp the client's address as {@code InetAddress.getHostAddress()} gives it
   * @param aclId the id of an ip ACL entry, such as {@code 127.0.0.1} or {@code 10.0.0.0/8}
   */
  public static boolean matches(String clientIp, String aclId) {
    String[] parts = aclId.split("/", 2);
    byte[] acl = v4Bytes(parts[0]);
    if (acl == null) {
      return false;
    }
    int bits = acl.length * BITS_PER_BYTE;
    if (parts.length == 2) {
      bits = parseBits(parts[1], acl.length);
      if (bits < 0) {
        return false;
      }
    }
    mask(acl, bits);
    byte[] client = v4Bytes(clientIp);
    if (client == null) {
      return false;
    }
    mask(client, bits);
    for (int i = 0; i < client.length; i++) {
      if (client[i] != acl[i]) {
        return false;
      }
    }
    return true;
  }

  /** The mask bits, or −1 when they do not parse or exceed the address width. */
  private static int parseBits(String text, int addressBytes) {
    try {
      int bits = Integer.parseInt(text);
      return bits < 0 || bits > addressBytes * BITS_PER_BYTE ? -1 : bits;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static byte[] v4Bytes(String address) {
    String[] parts = address.split("\\.", -1);
    if (parts.length != IPV4_PARTS) {
      return null;
    }
    byte[] bytes = new byte[IPV4_PARTS];
    for (int i = 0; i < IPV4_PARTS; i++) {
      int value;
      try {
        value = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        return null;
      }
      if (value < 0 || value > OCTET_MAX) {
        return null;
      }
      bytes[i] = (byte) value;
    }
    return bytes;
  }

  /** Clears every bit after the first {@code bits}. */
  private static void mask(byte[] bytes, int bits) {
    int i = bits / BITS_PER_BYTE;
    int keep = ~((1 << (BITS_PER_BYTE - bits % BITS_PER_BYTE)) - 1);
    while (i < bytes.length) {
      bytes[i] &= (byte) keep;
      keep = 0;
      i++;
    }
  }
}
