package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.BATCH_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.BATCH_MAGIC;
import static io.paddock.store.log.LogFormat.ENTRY_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.hex;

import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Validates one batch in place: header checksum, plausible lengths, every entry's checksum.
 *
 * <p>Damage that a torn write can explain is returned as a problem, for recovery to classify as a
 * torn tail or as corruption. Data whose checksums hold but which breaks a rule (zxids out of
 * order, a payload over {@link LogOptions#entryPayloadBytesMax()}) was written whole, so it is
 * thrown as {@link LogCorruptedException} at once.
 */
final class BatchCheck {

  /** Receives each entry of a batch being validated. */
  interface EntryVisitor {
    void entry(long offset, long zxid);
  }

  /**
   * The outcome of a check.
   *
   * @param offset where the batch starts
   * @param end where it ends (valid batches only)
   * @param entryCount the number of entries (valid batches only)
   * @param firstZxid the zxid of its first entry (valid batches only)
   * @param lastZxid the zxid of its last entry (valid batches only)
   * @param problem null for a valid batch, otherwise what is wrong
   */
  record Result(
      long offset, long end, int entryCount, long firstZxid, long lastZxid, String problem) {
    boolean valid() {
      return problem == null;
    }
  }

  private BatchCheck() {}

  /**
   * Checks the batch starting at {@code position}, which must end by {@code limit}.
   *
   * @param visitor sees each entry whose checksum holds, or null
   */
  static Result check(
      FileWindow window, long position, long limit, int payloadBytesMax, EntryVisitor visitor)
      throws IOException {
    String problem = headerProblem(window, position, limit);
    if (problem != null) {
      return invalid(position, problem);
    }
    int count = window.getInt(position + 4);
    long firstZxid = window.getLong(position + 12);
    long body = position + BATCH_HEADER_BYTES;
    long end = body + window.getInt(position + 8);
    long previous = LogFormat.NO_ZXID;
    long p = body;
    CRC32C crc = new CRC32C();
    for (int i = 0; i < count; i++) {
      if (end - p < ENTRY_HEADER_BYTES) {
        return invalid(position, "entry " + i + " at offset " + p + " runs past the batch end");
      }
      int length = window.getInt(p);
      long zxid = window.getLong(p + 4);
      if (length < 0 || length > end - p - ENTRY_HEADER_BYTES) {
        return invalid(position, "entry at offset " + p + " has impossible length " + length);
      }
      // The checksum streams through the window, so a huge length allocates nothing here.
      crc.reset();
      window.updateCrc(crc, p + 4, Long.BYTES);
      window.updateCrc(crc, p + ENTRY_HEADER_BYTES, length);
      if ((int) crc.getValue() != window.getInt(p + 12)) {
        return invalid(position, "entry checksum mismatch at offset " + p);
      }
      checkWholeEntry(
          window, p, length, payloadBytesMax, zxid, i == 0, i == 0 ? firstZxid : previous);
      if (visitor != null) {
        visitor.entry(p, zxid);
      }
      previous = zxid;
      p += ENTRY_HEADER_BYTES + length;
    }
    if (p != end) {
      return invalid(position, count + " entries end at offset " + p + ", the body at " + end);
    }
    return new Result(position, end, count, firstZxid, previous, null);
  }

  /** What is wrong with the batch header at {@code position}, or null. */
  private static String headerProblem(FileWindow window, long position, long limit)
      throws IOException {
    if (limit - position < BATCH_HEADER_BYTES) {
      return "batch header cut short, " + (limit - position) + " bytes left";
    }
    int magic = window.getInt(position);
    if (magic != BATCH_MAGIC) {
      return "no batch magic (found 0x" + Integer.toHexString(magic) + ")";
    }
    CRC32C crc = new CRC32C();
    window.updateCrc(crc, position, BATCH_HEADER_BYTES - 4);
    if ((int) crc.getValue() != window.getInt(position + BATCH_HEADER_BYTES - 4)) {
      return "batch header checksum mismatch";
    }
    int count = window.getInt(position + 4);
    int bodyLength = window.getInt(position + 8);
    long left = limit - position - BATCH_HEADER_BYTES;
    if (count < 1 || bodyLength < (long) count * ENTRY_HEADER_BYTES || bodyLength > left) {
      return "impossible batch of "
          + count
          + " entries in "
          + bodyLength
          + " bytes, "
          + left
          + " bytes left";
    }
    return null;
  }

  /**
   * Rules for an entry whose checksum holds: breaking them is corruption, never a torn write.
   *
   * @param bound for the first entry the batch header's zxid, which it must equal; otherwise the
   *     previous entry's zxid, which it must exceed
   */
  private static void checkWholeEntry(
      FileWindow window,
      long offset,
      int length,
      int payloadBytesMax,
      long zxid,
      boolean first,
      long bound)
      throws LogCorruptedException {
    if (length > payloadBytesMax) {
      throw new LogCorruptedException(
          window.description(),
          offset,
          "entry payload of " + length + " bytes exceeds entryPayloadBytesMax " + payloadBytesMax);
    }
    if (zxid <= 0 || (first ? zxid != bound : zxid <= bound)) {
      throw new LogCorruptedException(
          window.description(),
          offset,
          "entry zxid " + hex(zxid) + " out of order after " + hex(bound));
    }
  }

  /**
   * Finds the first offset in [from, limit) where a valid batch starts, trying every byte offset
   * that holds the batch magic.
   *
   * @return the offset, or -1 if there is none
   */
  static long findValid(FileWindow window, long from, long limit, int payloadBytesMax)
      throws IOException {
    for (long q = from; q + BATCH_HEADER_BYTES <= limit; q++) {
      if (window.getInt(q) == BATCH_MAGIC
          && check(window, q, limit, payloadBytesMax, null).valid()) {
        return q;
      }
    }
    return -1;
  }

  private static Result invalid(long offset, String problem) {
    return new Result(offset, -1, 0, LogFormat.NO_ZXID, LogFormat.NO_ZXID, problem);
  }
}
