package io.paddock.store.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Small durable records replaced atomically: ZAB's acceptedEpoch and currentEpoch, the current
 * vote.
 *
 * <p>{@link #write} writes {@code name.tmp}, forces it, renames it over {@code name} and syncs the
 * directory, so after a crash at any point {@code name} holds either the old or the new content,
 * whole. File layout (big-endian): int magic "PDST", int version 1, int content length, content,
 * int CRC32C over everything before it. A damaged file is reported, never read as empty.
 */
public final class AtomicStateFile {
  /** "PDST": the first four bytes of every state file. */
  public static final int MAGIC = 0x50445354;

  /** The only format version so far. */
  public static final int VERSION = 1;

  /** The largest content accepted; state records are tiny. */
  public static final int CONTENT_BYTES_MAX = 1 << 20;

  /** Suffix of the temporary file a write goes through. */
  public static final String TMP_SUFFIX = ".tmp";

  private static final int HEADER_BYTES = 12;
  private static final int CRC_BYTES = 4;

  private final StorageDirectory dir;

  /**
   * Creates an accessor; it does no I/O by itself.
   *
   * @param dir where the state files live
   */
  public AtomicStateFile(StorageDirectory dir) {
    this.dir = dir;
  }

  /**
   * Durably replaces the content of {@code name}; when this returns, a crash cannot bring back the
   * old content. If it throws, the file holds either the old or the new content.
   *
   * @throws IllegalArgumentException if the name ends in {@value #TMP_SUFFIX} or the content is
   *     larger than {@link #CONTENT_BYTES_MAX}
   */
  public void write(String name, byte[] content) throws IOException {
    checkName(name);
    if (content.length > CONTENT_BYTES_MAX) {
      throw new IllegalArgumentException(
          "state content of " + content.length + " bytes exceeds " + CONTENT_BYTES_MAX);
    }
    ByteBuffer record = ByteBuffer.allocate(HEADER_BYTES + content.length + CRC_BYTES);
    record.putInt(MAGIC).putInt(VERSION).putInt(content.length).put(content);
    CRC32C crc = new CRC32C();
    crc.update(record.array(), 0, record.position());
    record.putInt((int) crc.getValue()).flip();

    String tmp = name + TMP_SUFFIX;
    dir.delete(tmp);
    try (StorageFile file = dir.create(tmp)) {
      file.write(0, record);
      file.force();
    }
    dir.rename(tmp, name);
    dir.sync();
  }

  /**
   * Reads the content of {@code name}. A leftover {@code name.tmp} from an interrupted write is
   * ignored and deleted.
   *
   * @return the content, or empty if the file does not exist
   * @throws CorruptFileException if the magic, version, length or checksum is wrong
   */
  public Optional<byte[]> read(String name) throws IOException {
    checkName(name);
    dir.delete(name + TMP_SUFFIX);
    StorageFile file;
    try {
      file = dir.open(name);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try (file) {
      return Optional.of(decode(dir.describe(name), file));
    }
  }

  private static byte[] decode(String description, StorageFile file) throws IOException {
    long size = file.size();
    if (size < HEADER_BYTES + CRC_BYTES) {
      throw new CorruptFileException(
          description, size, "file of " + size + " bytes is shorter than the header and checksum");
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    file.read(0, header);
    int magic = header.getInt(0);
    if (magic != MAGIC) {
      throw new CorruptFileException(description, 0, "bad magic 0x" + Integer.toHexString(magic));
    }
    int version = header.getInt(4);
    if (version != VERSION) {
      throw new CorruptFileException(description, 4, "unsupported version " + version);
    }
    int length = header.getInt(8);
    if (length < 0 || length > CONTENT_BYTES_MAX || HEADER_BYTES + length + CRC_BYTES != size) {
      throw new CorruptFileException(
          description, 8, "content length " + length + " does not fit file size " + size);
    }
    ByteBuffer rest = ByteBuffer.allocate(length + CRC_BYTES);
    if (file.read(HEADER_BYTES, rest) != rest.capacity()) {
      throw new CorruptFileException(description, size, "file shrank while reading");
    }
    CRC32C crc = new CRC32C();
    crc.update(header.array());
    crc.update(rest.array(), 0, length);
    int stored = rest.getInt(length);
    if (stored != (int) crc.getValue()) {
      throw new CorruptFileException(description, HEADER_BYTES + length, "checksum mismatch");
    }
    byte[] content = new byte[length];
    System.arraycopy(rest.array(), 0, content, 0, length);
    return content;
  }

  private static void checkName(String name) {
    NioStorageDirectory.checkName(name);
    if (name.endsWith(TMP_SUFFIX)) {
      throw new IllegalArgumentException("state file name must not end in .tmp: " + name);
    }
  }
}
