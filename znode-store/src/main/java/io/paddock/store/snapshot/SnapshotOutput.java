package io.paddock.store.snapshot;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * A snapshot being written: a buffered stream into {@code snapshot.<hex zxid>.tmp} that becomes the
 * visible snapshot only on {@link #commit()}.
 *
 * <p>Closing without committing aborts (deletes the temporary file), so the usual shape is {@code
 * try (SnapshotOutput out = files.begin(zxid)) { encode(out); out.commit(); }}. After an I/O error
 * every further write and the commit fail; only close or abort remain. Not thread-safe.
 */
public final class SnapshotOutput extends OutputStream {
  private enum State {
    WRITING,
    FAILED,
    COMMITTED,
    ABORTED
  }

  private final StorageDirectory dir;
  private final long zxid;
  private final String name;
  private final String tmpName;
  private final StorageFile file;
  private final ByteBuffer buffer = ByteBuffer.allocate(SnapshotFiles.BUFFER_BYTES);
  private final CRC32C crc = new CRC32C();
  private long filePosition;
  private long bodyBytes;
  private State state = State.WRITING;

  private SnapshotOutput(StorageDirectory dir, long zxid, StorageFile file) {
    this.dir = dir;
    this.zxid = zxid;
    this.name = SnapshotFiles.fileName(zxid);
    this.tmpName = name + SnapshotFiles.TMP_SUFFIX;
    this.file = file;
    buffer.putInt(SnapshotFiles.MAGIC).putInt(SnapshotFiles.VERSION).putLong(zxid);
  }

  static SnapshotOutput begin(StorageDirectory dir, long zxid) throws IOException {
    StorageFile file = dir.create(SnapshotFiles.fileName(zxid) + SnapshotFiles.TMP_SUFFIX);
    return new SnapshotOutput(dir, zxid, file);
  }

  /** The zxid the snapshot is taken at. */
  public long zxid() {
    return zxid;
  }

  /** How many body bytes were written so far. */
  public long bodyBytes() {
    return bodyBytes;
  }

  @Override
  public void write(int b) throws IOException {
    checkWriting();
    if (!buffer.hasRemaining()) {
      flushBuffer();
    }
    buffer.put((byte) b);
    bodyBytes++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    write(ByteBuffer.wrap(bytes, offset, length));
  }

  /** Writes all remaining bytes of {@code src}, consuming them. */
  public void write(ByteBuffer src) throws IOException {
    checkWriting();
    while (src.hasRemaining()) {
      if (!buffer.hasRemaining()) {
        flushBuffer();
      }
      int n = Math.min(buffer.remaining(), src.remaining());
      int limit = src.limit();
      buffer.put(src.limit(src.position() + n));
      src.limit(limit);
      bodyBytes += n;
    }
  }

  /**
   * Writes the trailer, forces, renames the file into place and syncs the directory: once this
   * returns the snapshot survives a crash.
   */
  public void commit() throws IOException {
    checkWriting();
    try {
      flushBuffer();
      ByteBuffer trailer = ByteBuffer.allocate(SnapshotFiles.TRAILER_BYTES);
      trailer.putLong(bodyBytes).putInt((int) crc.getValue()).putInt(SnapshotFiles.TRAILER_MAGIC);
      file.write(filePosition, trailer.flip());
      file.force();
      file.close();
      dir.rename(tmpName, name);
      dir.sync();
      state = State.COMMITTED;
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  /** Gives up the snapshot and deletes the temporary file; nothing after a commit. */
  public void abort() throws IOException {
    if (state == State.COMMITTED || state == State.ABORTED) {
      return;
    }
    state = State.ABORTED;
    try {
      file.close();
    } finally {
      dir.delete(tmpName);
    }
  }

  /** Aborts unless committed. */
  @Override
  public void close() throws IOException {
    abort();
  }

  private void flushBuffer() throws IOException {
    buffer.flip();
    crc.update(buffer.array(), 0, buffer.limit());
    try {
      file.write(filePosition, buffer);
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
    filePosition += buffer.limit();
    buffer.clear();
  }

  private void checkWriting() throws IOException {
    if (state != State.WRITING) {
      throw new IOException(
          "snapshot " + dir.describe(tmpName) + " is " + state + ", not writable");
    }
  }
}
