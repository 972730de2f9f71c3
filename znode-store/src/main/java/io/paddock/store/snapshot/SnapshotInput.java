package io.paddock.store.snapshot;

import io.paddock.store.io.CorruptFileException;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Streams the body of a snapshot, verifying it.
 *
 * <p>Magic, version, zxid, trailer and body length are checked when the snapshot is opened, so a
 * truncated file fails at once. The checksum can only be checked once the whole body was read: the
 * read that reaches the end checks it (throwing instead of returning -1), and a decoder that stops
 * at the end of its data must call {@link #verifyEnd()}; until then the body is untrusted.
 */
public final class SnapshotInput extends InputStream {
  private final StorageFile file;
  private final String description;
  private final long zxid;
  private final long bodyBytes;
  private final int storedCrc;
  private final ByteBuffer buffer = ByteBuffer.allocate(SnapshotFiles.BUFFER_BYTES);
  private final CRC32C crc = new CRC32C();
  private long loaded;
  private boolean verified;

  private SnapshotInput(
      StorageFile file, String description, long zxid, long bodyBytes, int storedCrc, byte[] head) {
    this.file = file;
    this.description = description;
    this.zxid = zxid;
    this.bodyBytes = bodyBytes;
    this.storedCrc = storedCrc;
    crc.update(head);
    buffer.limit(0);
  }

  static SnapshotInput open(StorageDirectory dir, long zxid) throws IOException {
    String name = SnapshotFiles.fileName(zxid);
    StorageFile file = dir.open(name);
    try {
      return validateFrame(file, dir.describe(name), zxid);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  private static SnapshotInput validateFrame(StorageFile file, String description, long zxid)
      throws IOException {
    long size = file.size();
    int header = SnapshotFiles.HEADER_BYTES;
    int trailer = SnapshotFiles.TRAILER_BYTES;
    if (size < header + trailer) {
      throw new CorruptFileException(description, size, "file of " + size + " bytes is truncated");
    }
    ByteBuffer head = ByteBuffer.allocate(header);
    ByteBuffer tail = ByteBuffer.allocate(trailer);
    file.read(0, head);
    file.read(size - trailer, tail);
    if (head.getInt(0) != SnapshotFiles.MAGIC) {
      throw new CorruptFileException(description, 0, "no snapshot magic");
    }
    if (head.getInt(4) != SnapshotFiles.VERSION) {
      throw new CorruptFileException(description, 4, "unsupported version " + head.getInt(4));
    }
    if (head.getLong(8) != zxid) {
      throw new CorruptFileException(
          description, 8, "header zxid 0x" + Long.toHexString(head.getLong(8)) + " != file name");
    }
    if (tail.getInt(trailer - 4) != SnapshotFiles.TRAILER_MAGIC) {
      throw new CorruptFileException(
          description, size - 4, "no trailer magic: the file is truncated or was never committed");
    }
    long bodyBytes = tail.getLong(0);
    if (bodyBytes != size - header - trailer) {
      throw new CorruptFileException(
          description,
          size - trailer,
          "trailer says " + bodyBytes + " body bytes, file holds " + (size - header - trailer));
    }
    return new SnapshotInput(file, description, zxid, bodyBytes, tail.getInt(8), head.array());
  }

  /** The zxid of the snapshot. */
  public long zxid() {
    return zxid;
  }

  /** The length of the body in bytes. */
  public long bodyBytes() {
    return bodyBytes;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buffer.get() & 0xFF;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(length, buffer.remaining());
    buffer.get(bytes, offset, n);
    return n;
  }

  @Override
  public int available() {
    return buffer.remaining();
  }

  /**
   * Confirms that the body was read to its end and matches its checksum.
   *
   * @throws CorruptFileException if body bytes remain unread or the checksum does not match
   */
  public void verifyEnd() throws IOException {
    if (loaded < bodyBytes || buffer.hasRemaining()) {
      long unread = bodyBytes - loaded + buffer.remaining();
      throw new CorruptFileException(
          description,
          SnapshotFiles.HEADER_BYTES + bodyBytes - unread,
          unread + " body bytes left unread by the decoder");
    }
    if (!verified) {
      if ((int) crc.getValue() != storedCrc) {
        throw new CorruptFileException(
            description, SnapshotFiles.HEADER_BYTES + bodyBytes + 8, "checksum mismatch");
      }
      verified = true;
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /** Makes a byte available; at the end of the body verifies instead and returns false. */
  private boolean fill() throws IOException {
    if (buffer.hasRemaining()) {
      return true;
    }
    if (loaded == bodyBytes) {
      verifyEnd();
      return false;
    }
    buffer.clear().limit((int) Math.min(buffer.capacity(), bodyBytes - loaded));
    int n = file.read(SnapshotFiles.HEADER_BYTES + loaded, buffer);
    if (n != buffer.limit()) {
      throw new CorruptFileException(
          description, SnapshotFiles.HEADER_BYTES + loaded + n, "file shrank while reading");
    }
    crc.update(buffer.array(), 0, n);
    loaded += n;
    buffer.flip();
    return true;
  }
}
