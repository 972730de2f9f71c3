package io.paddock.store.codec;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes ZooKeeper's jute binary encoding into a growable byte array: big-endian ints and longs,
 * one-byte booleans, length-prefixed buffers and strings (length −1 for null), counted vectors
 * (count −1 for null), nested records inline.
 *
 * <p>Not thread-safe. {@link #reset()} reuses the array, so one writer can encode many records
 * without allocating.
 */
public final class JuteWriter {
  private static final int INITIAL_CAPACITY = 256;

  /** The null marker for buffers, strings and vectors. */
  public static final int NULL_LENGTH = -1;

  private byte[] bytes;
  private int size;

  /** A writer with a small initial capacity. */
  public JuteWriter() {
    this(INITIAL_CAPACITY);
  }

  /** A writer with room for {@code capacity} bytes before it grows. */
  public JuteWriter(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Bytes written so far. */
  public int size() {
    return size;
  }

  /** Forgets what was written, keeping the array. */
  public void reset() {
    size = 0;
  }

  /** The backing array; valid bytes are {@code [0, size())}. */
  public byte[] array() {
    return bytes;
  }

  /** A copy of what was written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** A read-only view of what was written (no copy). */
  public ByteBuffer asByteBuffer() {
    return ByteBuffer.wrap(bytes, 0, size).asReadOnlyBuffer();
  }

  private void ensure(int more) {
    int needed = size + more;
    if (needed < 0) {
      throw new IllegalStateException("jute writer overflow: " + size + " + " + more);
    }
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  /** Writes one byte. */
  public void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  /** Writes a boolean as 0x00 or 0x01. */
  public void writeBool(boolean b) {
    writeByte(b ? 1 : 0);
  }

  /** Writes a big-endian int. */
  public void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  /** Overwrites the int at {@code position} (for lengths known only after the body). */
  public void setInt(int position, int v) {
    if (position < 0 || position + 4 > size) {
      throw new IndexOutOfBoundsException("position " + position + " outside " + size);
    }
    putInt(position, v);
  }

  private void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  /** Writes a big-endian long. */
  public void writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (v >>> shift);
    }
  }

  /** Writes a buffer: its length then its bytes; null writes length −1. */
  public void writeBuffer(byte[] data) {
    if (data == null) {
      writeInt(NULL_LENGTH);
    } else {
      writeBuffer(data, 0, data.length);
    }
  }

  /** Writes {@code length} bytes of {@code data} from {@code offset} as a buffer. */
  public void writeBuffer(byte[] data, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    writeInt(length);
    writeRaw(data, offset, length);
  }

  /** Writes bytes with no length prefix. */
  public void writeRaw(byte[] data, int offset, int length) {
    ensure(length);
    System.arraycopy(data, offset, bytes, size, length);
    size += length;
  }

  /**
   * Writes a ustring: byte length then the bytes, each UTF-16 char encoded on its own as jute does
   * (so a surrogate pair becomes two 3-byte sequences); null writes length −1.
   */
  public void writeString(String s) {
    if (s == null) {
      writeInt(NULL_LENGTH);
      return;
    }
    int lengthAt = size;
    writeInt(0);
    int n = s.length();
    ensure(n);
    int i = 0;
    while (i < n) { // fast path: ASCII
      char c = s.charAt(i);
      if (c >= 0x80) {
        break;
      }
      bytes[size++] = (byte) c;
      i++;
    }
    for (; i < n; i++) {
      writeChar(s.charAt(i));
    }
    setInt(lengthAt, size - lengthAt - 4);
  }

  private void writeChar(char c) {
    if (c < 0x80) {
      writeByte(c);
    } else if (c < 0x800) {
      ensure(2);
      bytes[size++] = (byte) (0xc0 | (c >> 6));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    } else {
      ensure(3);
      bytes[size++] = (byte) (0xe0 | (c >> 12));
      bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3f));
      bytes[size++] = (byte) (0x80 | (c & 0x3f));
    }
  }

  /** Writes a vector: the count then each element; null writes count −1. */
  public <T> void writeVector(List<T> items, BiConsumer<JuteWriter, T> element) {
    if (items == null) {
      writeInt(NULL_LENGTH);
      return;
    }
    writeInt(items.size());
    for (T item : items) {
      element.accept(this, item);
    }
  }

  /** Writes a {@code vector<ustring>}. */
  public void writeStringList(List<String> items) {
    writeVector(items, JuteWriter::writeString);
  }
}
