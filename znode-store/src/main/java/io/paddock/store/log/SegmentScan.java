package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.SEGMENT_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.hex;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * The result of reading one segment from start to end during recovery: how much of it is valid, and
 * where and why the rest is not. Recovery decides from all scans whether damage is a torn tail or
 * corruption.
 */
final class SegmentScan {
  final String name;
  final String description;
  final long nameZxid;
  final long size;

  /** Null if the header is whole and matches the name. */
  String headerProblem;

  int batchCount;
  long lastZxid = LogFormat.NO_ZXID;

  /** The end of the last valid batch of the unbroken run from the header. */
  long validEnd = SEGMENT_HEADER_BYTES;

  /** Where non-zero bytes that are not a valid batch start, or -1. */
  long badOffset = -1;

  String badProblem;

  /** Whether a valid batch exists after the bad spot (or anywhere, if the header is bad). */
  boolean validBatchAfterBad;

  private SegmentScan(String name, String description, long nameZxid, long size) {
    this.name = name;
    this.description = description;
    this.nameZxid = nameZxid;
    this.size = size;
  }

  /** Whether any valid batch exists in the file, in order or after damage. */
  boolean hasValidBatch() {
    return batchCount > 0 || validBatchAfterBad;
  }

  /** Why this segment holds nothing, for the deletion warning. */
  String emptiness() {
    if (size == 0) {
      return "zero-length file";
    }
    if (headerProblem != null) {
      return headerProblem;
    }
    return badProblem == null ? "header only" : "torn first batch: " + badProblem;
  }

  /**
   * Scans a segment.
   *
   * @param previousZxid the last zxid of the segments before, which every batch must exceed
   * @throws LogCorruptedException for checksum-valid data with zxids out of order
   */
  static SegmentScan scan(
      StorageDirectory dir, String name, long nameZxid, long previousZxid, LogOptions options)
      throws IOException {
    try (StorageFile file = dir.open(name)) {
      SegmentScan scan = new SegmentScan(name, dir.describe(name), nameZxid, file.size());
      FileWindow window = new FileWindow(file, scan.description, scan.size);
      int payloadMax = options.entryPayloadBytesMax();
      scan.headerProblem = headerProblem(window, nameZxid);
      if (scan.headerProblem != null) {
        scan.validBatchAfterBad = BatchCheck.findValid(window, 0, scan.size, payloadMax) >= 0;
        return scan;
      }
      long position = SEGMENT_HEADER_BYTES;
      long previous = previousZxid;
      while (position < scan.size) {
        BatchCheck.Result batch = BatchCheck.check(window, position, scan.size, payloadMax, null);
        if (!batch.valid()) {
          // Zeros after the last batch are preallocated space: the end of the log.
          if (!window.isZero(position, scan.size)) {
            scan.badOffset = position;
            scan.badProblem = batch.problem();
            scan.validBatchAfterBad =
                BatchCheck.findValid(window, position + 1, scan.size, payloadMax) >= 0;
          }
          break;
        }
        checkOrder(scan, batch, previous);
        scan.batchCount++;
        previous = batch.lastZxid();
        scan.lastZxid = previous;
        position = batch.end();
      }
      scan.validEnd = position;
      return scan;
    }
  }

  private static void checkOrder(SegmentScan scan, BatchCheck.Result batch, long previous)
      throws LogCorruptedException {
    if (scan.batchCount == 0 && batch.firstZxid() != scan.nameZxid) {
      throw new LogCorruptedException(
          scan.description,
          batch.offset(),
          "first batch starts at zxid " + hex(batch.firstZxid()) + ", not at the segment's zxid");
    }
    if (batch.firstZxid() <= previous) {
      throw new LogCorruptedException(
          scan.description,
          batch.offset(),
          "batch starts at zxid "
              + hex(batch.firstZxid())
              + ", not above the previous zxid "
              + hex(previous));
    }
  }

  private static String headerProblem(FileWindow window, long nameZxid) throws IOException {
    if (window.size() < SEGMENT_HEADER_BYTES) {
      return "segment header cut short (" + window.size() + " bytes)";
    }
    if (window.getInt(0) != LogFormat.SEGMENT_MAGIC) {
      return "no segment magic";
    }
    CRC32C crc = new CRC32C();
    window.updateCrc(crc, 0, SEGMENT_HEADER_BYTES - 4);
    if ((int) crc.getValue() != window.getInt(SEGMENT_HEADER_BYTES - 4)) {
      return "segment header checksum mismatch";
    }
    int version = window.getInt(4);
    if (version != LogFormat.SEGMENT_VERSION) {
      return "unsupported segment version " + version;
    }
    long headerZxid = window.getLong(8);
    if (headerZxid != nameZxid) {
      return "segment header names zxid " + hex(headerZxid) + ", the file name " + hex(nameZxid);
    }
    return null;
  }
}
