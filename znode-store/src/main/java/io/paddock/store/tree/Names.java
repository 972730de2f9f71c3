package io.paddock.store.tree;

/**
 * Znode names as UTF-8 bytes, compared and hashed straight from a path {@code String} without
 * allocating the segment.
 *
 * <p>Each UTF-16 char is encoded on its own (1, 2 or 3 bytes), as jute's string writer does. For
 * the names a create accepts (no surrogates, §9.1) that is exactly standard UTF-8; a lookup with a
 * surrogate char produces a byte sequence no stored name contains, so it simply finds nothing.
 */
final class Names {
  private static final int FNV32_BASIS = 0x811c9dc5;
  private static final int FNV32_PRIME = 0x01000193;

  private Names() {}

  /** The table hash of {@code bytes[offset, offset + length)}. */
  static int hash(byte[] bytes, int offset, int length) {
    int h = FNV32_BASIS;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h ^ (bytes[i] & 0xff)) * FNV32_PRIME;
    }
    return mix(h);
  }

  /**
   * The table hash of the UTF-8 encoding of {@code s[from, to)}; equal to {@link #hash(byte[], int,
   * int)}.
   */
  static int hash(String s, int from, int to) {
    int h = FNV32_BASIS;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        h = (h ^ c) * FNV32_PRIME;
      } else if (c < 0x800) {
        h = (h ^ (0xc0 | (c >> 6))) * FNV32_PRIME;
        h = (h ^ (0x80 | (c & 0x3f))) * FNV32_PRIME;
      } else {
        h = (h ^ (0xe0 | (c >> 12))) * FNV32_PRIME;
        h = (h ^ (0x80 | ((c >> 6) & 0x3f))) * FNV32_PRIME;
        h = (h ^ (0x80 | (c & 0x3f))) * FNV32_PRIME;
      }
    }
    return mix(h);
  }

  /** Murmur3's 32-bit finalizer: spreads FNV's weak low bits over the whole int. */
  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  /**
   * True when {@code bytes[offset, offset + length)} is the UTF-8 encoding of {@code s[from, to)}.
   */
  static boolean equals(byte[] bytes, int offset, int length, String s, int from, int to) {
    if (to - from > length || (length == 0) != (to == from)) {
      return false; // every char takes at least one byte
    }
    if (length > 0) {
      // siblings often share a prefix (k000017, k000018): a last ASCII char tells most apart at
      // once
      char last = s.charAt(to - 1);
      if (last < 0x80 && bytes[offset + length - 1] != (byte) last) {
        return false;
      }
    }
    int p = offset;
    int end = offset + length;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (p >= end || bytes[p++] != (byte) c) {
          return false;
        }
      } else if (c < 0x800) {
        if (end - p < 2
            || bytes[p++] != (byte) (0xc0 | (c >> 6))
            || bytes[p++] != (byte) (0x80 | (c & 0x3f))) {
          return false;
        }
      } else if (end - p < 3
          || bytes[p++] != (byte) (0xe0 | (c >> 12))
          || bytes[p++] != (byte) (0x80 | ((c >> 6) & 0x3f))
          || bytes[p++] != (byte) (0x80 | (c & 0x3f))) {
        return false;
      }
    }
    return p == end;
  }

  /** The number of bytes {@code s[from, to)} encodes to. */
  static int encodedLength(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    return n;
  }

  /** Encodes {@code s[from, to)} into {@code out} at {@code at}; returns the position after it. */
  static int encode(String s, int from, int to, byte[] out, int at) {
    int p = at;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xc0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3f));
      } else {
        out[p++] = (byte) (0xe0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        out[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return p;
  }
}
