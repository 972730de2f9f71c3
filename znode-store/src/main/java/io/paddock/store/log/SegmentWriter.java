package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.SEGMENT_HEADER_BYTES;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Appends batches to the newest segment file and keeps it preallocated ahead of the writes. */
final class SegmentWriter implements Closeable {
  /** The file is extended once the write position comes this close to its end. */
  static final long PREALLOC_MARGIN_BYTES = 4096;

  private final StorageFile file;
  private final Segment segment;
  private final LogOptions options;
  private long writePosition;
  private long fileSize;

  private SegmentWriter(StorageFile file, Segment segment, LogOptions options) throws IOException {
    this.file = file;
    this.segment = segment;
    this.options = options;
    this.writePosition = segment.endOffset();
    this.fileSize = file.size();
  }

  /**
   * Creates a segment so that it either exists with a whole header or not at all: the header is
   * written to a temporary file, preallocated and forced, then renamed into place and the rename
   * synced.
   */
  static SegmentWriter create(StorageDirectory dir, long firstZxid, LogOptions options)
      throws IOException {
    String name = LogFormat.segmentName(firstZxid);
    String tmp = name + LogFormat.TMP_SUFFIX;
    dir.delete(tmp);
    try (StorageFile file = dir.create(tmp)) {
      file.write(0, LogFormat.segmentHeader(firstZxid));
      if (options.preAllocBytes() > SEGMENT_HEADER_BYTES) {
        extendTo(file, options.preAllocBytes());
      }
      file.force();
    }
    dir.rename(tmp, name);
    dir.sync();
    return resume(
        dir, new Segment(name, firstZxid, LogFormat.NO_ZXID, SEGMENT_HEADER_BYTES), options);
  }

  /** Continues writing a recovered segment at its durable end. */
  static SegmentWriter resume(StorageDirectory dir, Segment segment, LogOptions options)
      throws IOException {
    return new SegmentWriter(dir.open(segment.name()), segment, options);
  }

  Segment segment() {
    return segment;
  }

  /** Whether a batch of {@code bytes} belongs in this segment rather than a new one. */
  boolean hasRoomFor(long bytes) {
    return writePosition == SEGMENT_HEADER_BYTES
        || writePosition + bytes <= options.segmentBytesMax();
  }

  /** Writes one batch at the write position, preallocating first if the end is near. */
  void write(ByteBuffer batch) throws IOException {
    long needed = writePosition + batch.remaining() + PREALLOC_MARGIN_BYTES;
    if (needed > fileSize) {
      long step = options.preAllocBytes();
      long steps = (needed - fileSize + step - 1) / step;
      fileSize += steps * step;
      extendTo(file, fileSize);
    }
    long length = batch.remaining();
    file.write(writePosition, batch);
    writePosition += length;
  }

  /** Forces the written batches. */
  void force() throws IOException {
    file.force();
  }

  /** Records everything written so far as durable, up to {@code lastZxid}. */
  void markDurable(long lastZxid) {
    segment.advance(writePosition, lastZxid);
  }

  /** Gives back the preallocated tail of a segment that is complete, before a roll. */
  void seal() throws IOException {
    file.truncate(writePosition);
    file.force();
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  /** Extends with zeros by writing the last byte: a sparse file, as ZooKeeper does. */
  private static void extendTo(StorageFile file, long size) throws IOException {
    file.write(size - 1, ByteBuffer.allocate(1));
  }
}
