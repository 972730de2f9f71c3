package io.paddock.client.protocol;

import java.util.HexFormat;

/** Hex strings as PROTOCOL.md quotes them: spaces and '|' are ignored, "…" stands for nothing. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** The hex of an ASCII string. */
  static String ascii(String s) {
    return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
