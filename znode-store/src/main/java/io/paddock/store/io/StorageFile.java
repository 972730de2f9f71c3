package io.paddock.store.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One open file of a {@link StorageDirectory}: positional reads and writes, explicit durability.
 *
 * <p>Nothing written is durable until {@link #force()} returns. A handle stays usable after its
 * name was renamed or deleted (POSIX semantics). Handles are not thread-safe.
 */
public interface StorageFile extends Closeable {

  /**
   * Reads bytes starting at {@code position} into {@code dst} until it is full or the file ends.
   *
   * @return the number of bytes read; less than {@code dst.remaining()} only at the end of the file
   *     (0 when {@code position >= size()})
   */
  int read(long position, ByteBuffer dst) throws IOException;

  /**
   * Writes all remaining bytes of {@code src} at {@code position}, extending the file if needed; a
   * gap between the old end and {@code position} reads as zeros.
   */
  void write(long position, ByteBuffer src) throws IOException;

  /** Makes every write and truncation so far durable: the data and the size needed to read it. */
  void force() throws IOException;

  /** The current size in bytes, including writes not yet forced. */
  long size() throws IOException;

  /**
   * Cuts the file to {@code size} bytes (no effect if it is not longer); durable only after {@link
   * #force()}.
   */
  void truncate(long size) throws IOException;

  /** Releases the handle; unforced writes are not forced by closing. */
  @Override
  void close() throws IOException;
}
