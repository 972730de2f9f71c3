package io.paddock.store.tree;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one {@code byte[]} a znode keeps for its name and its data: {@code [header varint][name
 * UTF-8][data]}.
 *
 * <p>The header is {@code nameLength << 1 | nullFlag}, written as an unsigned LEB128 varint (one
 * byte for names up to 63 bytes). The null flag tells null data (stored and returned as null) from
 * empty data. The array is never modified once built: setData builds a new one, so a snapshot
 * pre-image can keep the old array by reference.
 */
final class NodeBytes {
  private static final int NULL_DATA_FLAG = 1;
  private static final int VARINT_PAYLOAD_BITS = 7;
  private static final int VARINT_PAYLOAD_MASK = 0x7f;
  private static final int VARINT_MORE = 0x80;

  /** The bytes of the root: empty name, empty (not null) data. */
  static final byte[] ROOT = build(new byte[0], 0, 0, new byte[0]);

  private NodeBytes() {}

  /** Builds the array from a name slice and the data (possibly null). */
  static byte[] build(byte[] name, int nameOffset, int nameLength, byte[] data) {
    int header = header(nameLength, data);
    int dataLength = data == null ? 0 : data.length;
    byte[] out = new byte[varintLength(header) + nameLength + dataLength];
    int p = writeVarint(out, header);
    System.arraycopy(name, nameOffset, out, p, nameLength);
    if (dataLength > 0) {
      System.arraycopy(data, 0, out, p + nameLength, dataLength);
    }
    return out;
  }

  /** Builds the array from the name {@code path[from, to)} and the data (possibly null). */
  static byte[] build(String path, int from, int to, byte[] data) {
    int nameLength = Names.encodedLength(path, from, to);
    int header = header(nameLength, data);
    int dataLength = data == null ? 0 : data.length;
    byte[] out = new byte[varintLength(header) + nameLength + dataLength];
    int p = Names.encode(path, from, to, out, writeVarint(out, header));
    if (dataLength > 0) {
      System.arraycopy(data, 0, out, p, dataLength);
    }
    return out;
  }

  /** A new array with the same name as {@code old} and the given data. */
  static byte[] withData(byte[] old, byte[] data) {
    return build(old, nameOffset(old), nameLength(old), data);
  }

  private static int header(int nameLength, byte[] data) {
    if (nameLength < 0 || nameLength > (Integer.MAX_VALUE >> 1)) {
      throw new IllegalArgumentException("name length out of range: " + nameLength);
    }
    return (nameLength << 1) | (data == null ? NULL_DATA_FLAG : 0);
  }

  private static int varintLength(int value) {
    int n = 1;
    for (int v = value >>> VARINT_PAYLOAD_BITS; v != 0; v >>>= VARINT_PAYLOAD_BITS) {
      n++;
    }
    return n;
  }

  private static int writeVarint(byte[] out, int value) {
    int p = 0;
    int v = value;
    while ((v & ~VARINT_PAYLOAD_MASK) != 0) {
      out[p++] = (byte) ((v & VARINT_PAYLOAD_MASK) | VARINT_MORE);
      v >>>= VARINT_PAYLOAD_BITS;
    }
    out[p++] = (byte) v;
    return p;
  }

  private static int readHeader(byte[] b) {
    int value = 0;
    int shift = 0;
    int p = 0;
    while (true) {
      int x = b[p++];
      value |= (x & VARINT_PAYLOAD_MASK) << shift;
      if ((x & VARINT_MORE) == 0) {
        return value;
      }
      shift += VARINT_PAYLOAD_BITS;
    }
  }

  /** Where the name starts: the varint's length. */
  static int nameOffset(byte[] b) {
    int p = 0;
    while ((b[p] & VARINT_MORE) != 0) {
      p++;
    }
    return p + 1;
  }

  /** The name's length in bytes. */
  static int nameLength(byte[] b) {
    return readHeader(b) >>> 1;
  }

  /** True when the data is null. */
  static boolean isNullData(byte[] b) {
    return (readHeader(b) & NULL_DATA_FLAG) != 0;
  }

  /** Where the data starts. */
  static int dataOffset(byte[] b) {
    return nameOffset(b) + nameLength(b);
  }

  /** The data length; 0 for null data (as Stat.dataLength reports it). */
  static int dataLength(byte[] b) {
    return b.length - dataOffset(b);
  }

  /** A copy of the data, or null when the data is null. */
  static byte[] data(byte[] b) {
    if (isNullData(b)) {
      return null;
    }
    return Arrays.copyOfRange(b, dataOffset(b), b.length);
  }

  /** The name as a String. */
  static String name(byte[] b) {
    return new String(b, nameOffset(b), nameLength(b), StandardCharsets.UTF_8);
  }

  /** The table hash of the name. */
  static int nameHash(byte[] b) {
    return Names.hash(b, nameOffset(b), nameLength(b));
  }

  /** True when the name is the UTF-8 encoding of {@code path[from, to)}. */
  static boolean nameEquals(byte[] b, String path, int from, int to) {
    return Names.equals(b, nameOffset(b), nameLength(b), path, from, to);
  }

  /** True when the name equals {@code name[offset, offset + length)}. */
  static boolean nameEquals(byte[] b, byte[] name, int offset, int length) {
    int off = nameOffset(b);
    return nameLength(b) == length
        && Arrays.equals(b, off, off + length, name, offset, offset + length);
  }
}
