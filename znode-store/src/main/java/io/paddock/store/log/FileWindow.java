package io.paddock.store.log;

import io.paddock.store.io.StorageFile;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Buffered random access to a file of fixed size: reads go through one window of {@link
 * #WINDOW_BYTES}, so scanning a segment field by field costs one positional read per window.
 */
final class FileWindow {
  static final int WINDOW_BYTES = 64 * 1024;

  private final StorageFile file;
  private final String description;
  private final long size;
  private final byte[] bytes = new byte[WINDOW_BYTES];
  private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
  private long start;
  private int length;

  /**
   * @param file the file to read
   * @param description the file's name for error messages
   * @param size how far reads may go (the file's size or less)
   */
  FileWindow(StorageFile file, String description, long size) {
    this.file = file;
    this.description = description;
    this.size = size;
  }

  String description() {
    return description;
  }

  long size() {
    return size;
  }

  int getInt(long position) throws IOException {
    return buffer.getInt(load(position, Integer.BYTES));
  }

  long getLong(long position) throws IOException {
    return buffer.getLong(load(position, Long.BYTES));
  }

  /** Feeds {@code count} bytes starting at {@code position} into {@code crc}. */
  void updateCrc(CRC32C crc, long position, long count) throws IOException {
    long end = position + count;
    for (long p = position; p < end; ) {
      int chunk = (int) Math.min(WINDOW_BYTES, end - p);
      crc.update(bytes, load(p, chunk), chunk);
      p += chunk;
    }
  }

  /** Copies {@code count} bytes starting at {@code position} into {@code dst}. */
  void copy(long position, byte[] dst, int offset, int count) throws IOException {
    for (int done = 0; done < count; ) {
      int chunk = Math.min(WINDOW_BYTES, count - done);
      System.arraycopy(bytes, load(position + done, chunk), dst, offset + done, chunk);
      done += chunk;
    }
  }

  /** Whether every byte in [from, to) is zero. */
  boolean isZero(long from, long to) throws IOException {
    for (long p = from; p < to; ) {
      int chunk = (int) Math.min(WINDOW_BYTES, to - p);
      int at = load(p, chunk);
      for (int i = at; i < at + chunk; i++) {
        if (bytes[i] != 0) {
          return false;
        }
      }
      p += chunk;
    }
    return true;
  }

  /** Makes [position, position + count) available and returns its index in {@link #bytes}. */
  private int load(long position, int count) throws IOException {
    if (position >= start && position + count <= start + length) {
      return (int) (position - start);
    }
    if (position < 0 || count > WINDOW_BYTES || position + count > size) {
      throw new EOFException(
          description + ": read of " + count + " bytes at offset " + position + " past " + size);
    }
    buffer.clear().limit((int) Math.min(WINDOW_BYTES, size - position));
    int read = file.read(position, buffer);
    if (read < count) {
      throw new EOFException(description + ": file shorter than expected at offset " + position);
    }
    buffer.clear();
    start = position;
    length = read;
    return 0;
  }
}
