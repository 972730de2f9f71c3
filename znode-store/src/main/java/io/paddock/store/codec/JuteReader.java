package io.paddock.store.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads ZooKeeper's jute binary encoding from a byte array slice.
 *
 * <p>Every length and count read from the input is checked against the bytes the slice still holds
 * before anything is allocated, so a hostile length costs nothing: it fails with {@link
 * MalformedRecordException}. Not thread-safe.
 */
public final class JuteReader {
  private final byte[] bytes;
  private final int limit;
  private int position;

  /** A reader over the whole array. */
  public JuteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  /** A reader over {@code bytes[offset, offset + length)}. */
  public JuteReader(byte[] bytes, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > bytes.length || offset + length < 0) {
      throw new IndexOutOfBoundsException(
          "slice " + offset + "+" + length + " outside " + bytes.length);
    }
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  /** Bytes left to read. */
  public int remaining() {
    return limit - position;
  }

  /** True when bytes are left. */
  public boolean hasRemaining() {
    return position < limit;
  }

  /** The current position in the backing array. */
  public int position() {
    return position;
  }

  private void need(int n, String what) {
    if (n > limit - position) {
      throw new MalformedRecordException(
          what + " needs " + n + " bytes but only " + (limit - position) + " are left");
    }
  }

  /** Reads one byte. */
  public byte readByte() {
    need(1, "byte");
    return bytes[position++];
  }

  /** Reads a boolean; any non-zero byte is true. */
  public boolean readBool() {
    need(1, "boolean");
    return bytes[position++] != 0;
  }

  /** Reads a big-endian int. */
  public int readInt() {
    need(4, "int");
    int v =
        ((bytes[position] & 0xff) << 24)
            | ((bytes[position + 1] & 0xff) << 16)
            | ((bytes[position + 2] & 0xff) << 8)
            | (bytes[position + 3] & 0xff);
    position += 4;
    return v;
  }

  /** Reads a big-endian long. */
  public long readLong() {
    need(8, "long");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (bytes[position + i] & 0xff);
    }
    position += 8;
    return v;
  }

  private int readLength(String what) {
    int length = readInt();
    if (length < JuteWriter.NULL_LENGTH) {
      throw new MalformedRecordException(what + " has negative length " + length);
    }
    if (length > limit - position) {
      throw new MalformedRecordException(
          what + " length " + length + " exceeds the " + (limit - position) + " bytes left");
    }
    return length;
  }

  /** Reads a buffer; length −1 reads as null. */
  public byte[] readBuffer() {
    int length = readLength("buffer");
    if (length == JuteWriter.NULL_LENGTH) {
      return null;
    }
    byte[] data = new byte[length];
    System.arraycopy(bytes, position, data, 0, length);
    position += length;
    return data;
  }

  /** Reads a ustring as UTF-8; length −1 reads as null. */
  public String readString() {
    int length = readLength("string");
    if (length == JuteWriter.NULL_LENGTH) {
      return null;
    }
    String s = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return s;
  }

  /**
   * Reads a vector; count −1 reads as null. The count is checked against the bytes left, given the
   * smallest encoding of one element, before the list is allocated.
   */
  public <T> List<T> readVector(Function<JuteReader, T> element, int elementBytesMin) {
    int count = readInt();
    if (count == JuteWriter.NULL_LENGTH) {
      return null;
    }
    if (count < 0) {
      throw new MalformedRecordException("vector has negative count " + count);
    }
    long bytesNeeded = (long) count * Math.max(1, elementBytesMin);
    if (bytesNeeded > limit - position) {
      throw new MalformedRecordException(
          "vector count "
              + count
              + " needs at least "
              + bytesNeeded
              + " bytes but only "
              + (limit - position)
              + " are left");
    }
    List<T> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(element.apply(this));
    }
    return items;
  }

  /** Reads a {@code vector<ustring>}. */
  public List<String> readStringList() {
    return readVector(JuteReader::readString, 4);
  }

  /** Skips {@code n} bytes. */
  public void skip(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative skip " + n);
    }
    need(n, "skip");
    position += n;
  }
}
