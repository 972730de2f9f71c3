package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.BATCH_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.SEGMENT_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.hex;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Cuts one segment after a zxid, crash-safely: at a batch boundary by truncating the file; inside a
 * batch by writing a copy whose last batch keeps only the entries up to the zxid, then renaming it
 * over the segment. Either way a crash leaves the old segment or the new one, never a batch whose
 * header no longer matches its entries.
 */
final class LogTruncation {
  private static final int COPY_CHUNK_BYTES = 64 * 1024;

  /** Where the first entry above the zxid sits, and what stays before it. */
  private static final class Cut implements BatchCheck.EntryVisitor {
    final long zxid;
    long batchOffset;
    long batchFirstZxid;
    long entryOffset = -1;
    int keptInBatch;
    long lastKeptZxid = LogFormat.NO_ZXID;

    Cut(long zxid) {
      this.zxid = zxid;
    }

    @Override
    public void entry(long offset, long entryZxid) {
      if (entryZxid > zxid) {
        if (entryOffset < 0) {
          entryOffset = offset;
        }
      } else {
        lastKeptZxid = entryZxid;
        keptInBatch++;
      }
    }

    boolean atBatchBoundary() {
      return keptInBatch == 0;
    }
  }

  private LogTruncation() {}

  /**
   * Removes every entry of {@code segment} above {@code zxid} and updates it; the segment's first
   * entry must not be above {@code zxid}.
   */
  static void cutAfter(StorageDirectory dir, Segment segment, long zxid, LogOptions options)
      throws IOException {
    if (segment.lastZxid() <= zxid) {
      return;
    }
    if (segment.firstZxid() > zxid) {
      throw new IllegalStateException(segment + " would be emptied by truncation to " + hex(zxid));
    }
    Cut cut;
    try (StorageFile file = dir.open(segment.name())) {
      cut =
          find(
              new FileWindow(file, dir.describe(segment.name()), segment.endOffset()),
              zxid,
              options);
      if (cut.atBatchBoundary()) {
        file.truncate(cut.batchOffset);
        file.force();
        segment.cut(cut.batchOffset, cut.lastKeptZxid);
        return;
      }
    }
    rewrite(dir, segment, cut);
    segment.cut(cut.entryOffset, cut.lastKeptZxid);
  }

  private static Cut find(FileWindow window, long zxid, LogOptions options) throws IOException {
    Cut cut = new Cut(zxid);
    long position = SEGMENT_HEADER_BYTES;
    while (position < window.size()) {
      cut.keptInBatch = 0;
      BatchCheck.Result batch =
          BatchCheck.check(window, position, window.size(), options.entryPayloadBytesMax(), cut);
      if (!batch.valid()) {
        throw new LogCorruptedException(window.description(), position, batch.problem());
      }
      if (cut.entryOffset >= 0) {
        cut.batchOffset = position;
        cut.batchFirstZxid = batch.firstZxid();
        return cut;
      }
      position = batch.end();
    }
    throw new IllegalStateException(
        window.description() + ": no entry above " + hex(zxid) + " although the log said so");
  }

  private static void rewrite(StorageDirectory dir, Segment segment, Cut cut) throws IOException {
    String tmp = segment.name() + LogFormat.TMP_SUFFIX;
    dir.delete(tmp);
    long body = cut.batchOffset + BATCH_HEADER_BYTES;
    try (StorageFile source = dir.open(segment.name());
        StorageFile copy = dir.create(tmp)) {
      copyRange(source, copy, 0, cut.batchOffset);
      ByteBuffer header = ByteBuffer.allocate(BATCH_HEADER_BYTES);
      LogFormat.putBatchHeader(
          header, 0, cut.keptInBatch, (int) (cut.entryOffset - body), cut.batchFirstZxid);
      copy.write(cut.batchOffset, header);
      copyRange(source, copy, body, cut.entryOffset - body);
      copy.force();
    }
    dir.rename(tmp, segment.name());
    dir.sync();
  }

  private static void copyRange(StorageFile from, StorageFile to, long position, long count)
      throws IOException {
    ByteBuffer chunk = ByteBuffer.allocate(COPY_CHUNK_BYTES);
    for (long done = 0; done < count; ) {
      chunk.clear().limit((int) Math.min(COPY_CHUNK_BYTES, count - done));
      if (from.read(position + done, chunk) != chunk.limit()) {
        throw new IOException("segment shrank while copying at offset " + (position + done));
      }
      to.write(position + done, chunk.flip());
      done += chunk.limit();
    }
  }
}
