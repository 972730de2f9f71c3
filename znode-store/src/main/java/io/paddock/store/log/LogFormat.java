package io.paddock.store.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk layout of txn log segments (all integers big-endian).
 *
 * <pre>
 * segment file "log.&lt;hex first zxid&gt;":
 *   header: int magic "PDLG", int version 1, long firstZxid, int CRC32C(magic..firstZxid)
 *   batches, then zeros (preallocated space) to the end of the file
 * batch:  int magic "PDB1", int entryCount, int bodyLength, long firstZxid,
 *         int CRC32C(magic..firstZxid), then bodyLength bytes of entries
 * entry:  int payloadLength, long zxid, int CRC32C(zxid, payload), payload
 * </pre>
 */
final class LogFormat {
  static final int SEGMENT_MAGIC = 0x50444C47;
  static final int SEGMENT_VERSION = 1;
  static final int SEGMENT_HEADER_BYTES = 20;
  static final int BATCH_MAGIC = 0x50444231;
  static final int BATCH_HEADER_BYTES = 24;
  static final int ENTRY_HEADER_BYTES = 16;
  static final String SEGMENT_PREFIX = "log.";
  static final String TMP_SUFFIX = ".tmp";

  /** Zxids are positive; 0 stands for "no entry". */
  static final long NO_ZXID = 0;

  private static final int HEX_DIGITS_MAX = 16;

  private LogFormat() {}

  /** The file name of the segment whose first entry has {@code firstZxid}. */
  static String segmentName(long firstZxid) {
    return SEGMENT_PREFIX + Long.toHexString(firstZxid);
  }

  /**
   * Parses a segment file name.
   *
   * @return the first zxid, or {@link #NO_ZXID} if the name is not a segment name in canonical
   *     lower-case hex
   */
  static long parseSegmentName(String name) {
    if (!name.startsWith(SEGMENT_PREFIX)) {
      return NO_ZXID;
    }
    String hex = name.substring(SEGMENT_PREFIX.length());
    if (hex.isEmpty() || hex.length() > HEX_DIGITS_MAX || !hex.matches("[0-9a-f]+")) {
      return NO_ZXID;
    }
    long zxid = Long.parseUnsignedLong(hex, 16);
    return zxid > 0 && Long.toHexString(zxid).equals(hex) ? zxid : NO_ZXID;
  }

  /** The segment header, ready to write. */
  static ByteBuffer segmentHeader(long firstZxid) {
    ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
    header.putInt(SEGMENT_MAGIC).putInt(SEGMENT_VERSION).putLong(firstZxid);
    header.putInt(crc(header.array(), 0, SEGMENT_HEADER_BYTES - 4));
    return header.flip();
  }

  /** Writes a batch header at absolute index {@code at} of {@code buf} (a heap buffer). */
  static void putBatchHeader(
      ByteBuffer buf, int at, int entryCount, int bodyLength, long firstZxid) {
    buf.putInt(at, BATCH_MAGIC);
    buf.putInt(at + 4, entryCount);
    buf.putInt(at + 8, bodyLength);
    buf.putLong(at + 12, firstZxid);
    buf.putInt(at + 20, crc(buf.array(), buf.arrayOffset() + at, BATCH_HEADER_BYTES - 4));
  }

  /** CRC32C of a byte range, as the int stored on disk. */
  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** Formats a zxid for messages. */
  static String hex(long zxid) {
    return "0x" + Long.toHexString(zxid);
  }
}
