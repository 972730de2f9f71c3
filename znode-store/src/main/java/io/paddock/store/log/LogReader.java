package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.BATCH_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.ENTRY_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.SEGMENT_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.hex;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates the log's entries from a zxid on, in zxid order, across segments.
 *
 * <p>A reader sees the entries that were durable when {@link TxnLog#readFrom} created it. Every
 * batch is verified again as it is read; damage throws {@link LogCorruptedException}. While a
 * reader is open the log refuses to truncate or purge, so close it (try-with-resources).
 */
public final class LogReader implements Closeable {
  private final StorageDirectory dir;
  private final List<Segment> segments;
  private final long fromZxid;
  private final int payloadBytesMax;
  private final Runnable onClose;
  private int nextSegment;
  private StorageFile file;
  private FileWindow window;
  private long position;
  private long limit;
  private int entriesLeft;
  private long previousZxid = LogFormat.NO_ZXID;
  private LogEntry next;
  private boolean closed;

  LogReader(
      StorageDirectory dir,
      List<Segment> segments,
      long fromZxid,
      int payloadBytesMax,
      Runnable onClose) {
    this.dir = dir;
    this.segments = segments;
    this.fromZxid = fromZxid;
    this.payloadBytesMax = payloadBytesMax;
    this.onClose = onClose;
  }

  /** Whether another entry follows; reads ahead one entry. */
  public boolean hasNext() throws IOException {
    if (closed) {
      throw new IllegalStateException("log reader closed");
    }
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  /**
   * Returns the next entry.
   *
   * @throws NoSuchElementException if there is none
   */
  public LogEntry next() throws IOException {
    if (!hasNext()) {
      throw new NoSuchElementException("no entry after " + hex(previousZxid));
    }
    LogEntry entry = next;
    next = null;
    return entry;
  }

  /** Releases the open segment file and lets the log truncate and purge again. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      closeFile();
      onClose.run();
    }
  }

  private LogEntry advance() throws IOException {
    while (true) {
      if (window == null && !openNextSegment()) {
        return null;
      }
      if (entriesLeft == 0) {
        if (position >= limit) {
          closeFile();
          continue;
        }
        startBatch();
      }
      int length = window.getInt(position);
      long zxid = window.getLong(position + 4);
      long payload = position + ENTRY_HEADER_BYTES;
      position = payload + length;
      entriesLeft--;
      previousZxid = zxid;
      if (zxid >= fromZxid) {
        byte[] bytes = new byte[length];
        window.copy(payload, bytes, 0, length);
        return new LogEntry(zxid, bytes);
      }
    }
  }

  /** Validates the whole batch at the position, so its entries can be read as they lie. */
  private void startBatch() throws IOException {
    BatchCheck.Result batch = BatchCheck.check(window, position, limit, payloadBytesMax, null);
    if (!batch.valid()) {
      throw new LogCorruptedException(window.description(), position, batch.problem());
    }
    if (batch.firstZxid() <= previousZxid) {
      throw new LogCorruptedException(
          window.description(),
          position,
          "batch starts at zxid " + hex(batch.firstZxid()) + ", after " + hex(previousZxid));
    }
    entriesLeft = batch.entryCount();
    position += BATCH_HEADER_BYTES;
  }

  private boolean openNextSegment() throws IOException {
    if (nextSegment >= segments.size()) {
      return false;
    }
    Segment segment = segments.get(nextSegment++);
    file = dir.open(segment.name());
    window = new FileWindow(file, dir.describe(segment.name()), segment.endOffset());
    position = SEGMENT_HEADER_BYTES;
    limit = segment.endOffset();
    return true;
  }

  private void closeFile() throws IOException {
    window = null;
    if (file != null) {
      StorageFile f = file;
      file = null;
      f.close();
    }
  }
}
