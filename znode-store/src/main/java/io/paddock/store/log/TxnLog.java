package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.hex;

import io.paddock.store.io.StorageDirectory;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The write-ahead txn log: opaque payloads keyed by strictly increasing zxids, in segment files
 * {@code log.<hex first zxid>}, with a checksum per entry and group commit.
 *
 * <p>{@link #append} only lays entries out in memory; {@link #commit} writes them as one batch
 * (several if larger than {@link LogOptions#batchBytesMax}) and forces: many appends, one fsync.
 * {@link #open} recovers: a torn tail is cut, corruption refused (see {@link LogCorruptedException}
 * and {@link #recoveryActions()}).
 *
 * <p>An I/O error while writing fails the log: the error is thrown, and every later write throws
 * {@link LogFailedException}; the server must step down. {@link #lastDurableZxid()} never moves
 * past what was forced. Not thread-safe: one owner (the server's event loop) drives it. Zxids are
 * positive; {@link #NO_ZXID} (0) stands for "none".
 */
public final class TxnLog implements Closeable {
  /** The zxid reported when there is no entry. */
  public static final long NO_ZXID = LogFormat.NO_ZXID;

  private enum State {
    OPEN,
    FAILED,
    CLOSED
  }

  private final StorageDirectory dir;
  private final LogOptions options;
  private final NavigableMap<Long, Segment> segments = new TreeMap<>();
  private final List<RecoveryAction> recoveryActions;
  private final PendingBatches pending;
  private SegmentWriter writer;
  private boolean rollRequested;
  private long lastAppendedZxid;
  private long lastDurableZxid;
  private int openReaders;
  private State state = State.OPEN;
  private Exception failure;

  private TxnLog(StorageDirectory dir, LogOptions options, LogRecovery.Recovered recovered)
      throws IOException {
    this.dir = dir;
    this.options = options;
    this.recoveryActions = recovered.actions();
    this.pending = new PendingBatches(options.batchBytesMax(), options.pendingBytesMax());
    for (Segment segment : recovered.segments()) {
      segments.put(segment.firstZxid(), segment);
    }
    if (!segments.isEmpty()) {
      Segment last = segments.lastEntry().getValue();
      writer = SegmentWriter.resume(dir, last, options);
      lastDurableZxid = last.lastZxid();
    }
    lastAppendedZxid = lastDurableZxid;
  }

  /**
   * Opens the log in {@code dir}, recovering it: every segment is scanned and verified, a torn tail
   * is cut and trailing segments without valid data are deleted, each with a WARN.
   *
   * @throws LogCorruptedException if damage is followed by valid data or zxids are out of order
   */
  public static TxnLog open(StorageDirectory dir, LogOptions options) throws IOException {
    return new TxnLog(dir, options, LogRecovery.recover(dir, options));
  }

  /**
   * Adds an entry to the pending batch; it is written and made durable by the next {@link
   * #commit()}. The payload's bytes are copied, its position is left unchanged.
   *
   * @throws IllegalArgumentException if the zxid is not above {@link #lastAppendedZxid()} or the
   *     payload is longer than {@link LogOptions#entryPayloadBytesMax()}
   * @throws LogFailedException if an earlier write failed
   */
  public void append(long zxid, ByteBuffer payload) {
    checkWritable("append");
    if (zxid <= lastAppendedZxid) {
      throw new IllegalArgumentException(
          "zxid " + hex(zxid) + " not above the last appended " + hex(lastAppendedZxid));
    }
    if (payload.remaining() > options.entryPayloadBytesMax()) {
      throw new IllegalArgumentException(
          "payload of "
              + payload.remaining()
              + " bytes exceeds entryPayloadBytesMax "
              + options.entryPayloadBytesMax());
    }
    pending.add(zxid, payload);
    lastAppendedZxid = zxid;
  }

  /**
   * Writes the pending entries and forces them (unless {@link LogOptions#forceSync()} is off); when
   * this returns they survive a crash. A batch is forced before the next is written, so a commit
   * split into several batches costs one force per batch.
   *
   * @throws IOException if the disk fails; the log is then failed
   * @throws LogFailedException if an earlier write failed
   */
  public void commit() throws IOException {
    checkWritable("commit");
    try {
      for (int i = 0; i < pending.batchCount(); i++) {
        writeBatch(i);
      }
      pending.clear();
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  /** Starts a new segment with the next committed entry; the server calls it after a snapshot. */
  public void roll() {
    checkWritable("roll");
    rollRequested = true;
  }

  /** The zxid of the last entry appended, committed or not ({@link #NO_ZXID} if none). */
  public long lastAppendedZxid() {
    return lastAppendedZxid;
  }

  /** The zxid of the last entry known durable ({@link #NO_ZXID} if none). */
  public long lastDurableZxid() {
    return lastDurableZxid;
  }

  /**
   * The zxid of the oldest entry still in the log ({@link #NO_ZXID} if empty). Older entries were
   * purged; a caller that needs every entry after some zxid must check this first.
   */
  public long firstZxid() {
    return segments.isEmpty() ? NO_ZXID : segments.firstKey();
  }

  /** What {@link #open} repaired on disk; empty after a clean shutdown. */
  public List<RecoveryAction> recoveryActions() {
    return recoveryActions;
  }

  /** Whether a write failed and the log refuses further writes. */
  public boolean isFailed() {
    return state == State.FAILED;
  }

  /**
   * Returns a reader of the durable entries with zxid {@code >= zxid}, in order.
   *
   * @throws IllegalStateException if the log is closed
   */
  public LogReader readFrom(long zxid) throws IOException {
    if (state == State.CLOSED) {
      throw new IllegalStateException("txn log closed");
    }
    Long start = segments.floorKey(zxid);
    List<Segment> copies = new ArrayList<>();
    for (Segment segment : segments.tailMap(start == null ? 0L : start, true).values()) {
      copies.add(segment.copy());
    }
    openReaders++;
    return new LogReader(dir, copies, zxid, options.entryPayloadBytesMax(), () -> openReaders--);
  }

  /**
   * Removes every entry with a zxid above {@code zxid} (ZAB's TRUNC), durably: later segments are
   * deleted newest first, then the segment holding {@code zxid} is cut. A crash in between leaves a
   * prefix of the old log. A cut inside a batch rewrites the segment through a temporary copy.
   *
   * @throws IllegalStateException if entries are pending or readers are open
   * @throws LogFailedException if an earlier write failed
   */
  public void truncateAfter(long zxid) throws IOException {
    checkWritable("truncate");
    if (!pending.isEmpty()) {
      throw new IllegalStateException("cannot truncate with uncommitted entries");
    }
    checkNoReaders("truncate");
    if (zxid >= lastDurableZxid) {
      return;
    }
    try {
      closeWriter();
      List<Segment> later = new ArrayList<>(segments.tailMap(zxid, false).descendingMap().values());
      for (Segment segment : later) {
        deleteSegment(segment);
      }
      if (!segments.isEmpty()) {
        Segment last = segments.lastEntry().getValue();
        LogTruncation.cutAfter(dir, last, zxid, options);
        writer = SegmentWriter.resume(dir, last, options);
      }
      lastDurableZxid = segments.isEmpty() ? NO_ZXID : segments.lastEntry().getValue().lastZxid();
      lastAppendedZxid = lastDurableZxid;
    } catch (IOException | RuntimeException e) {
      fail(e);
      throw e;
    }
  }

  /**
   * Deletes, oldest first, every segment all of whose entries are below {@code zxid}; the segment
   * containing {@code zxid} and the newest segment always stay.
   *
   * @throws IllegalStateException if readers are open
   * @throws LogFailedException if an earlier write failed
   */
  public void purgeBefore(long zxid) throws IOException {
    checkWritable("purge");
    checkNoReaders("purge");
    List<Segment> all = new ArrayList<>(segments.values());
    for (int i = 0; i + 1 < all.size() && all.get(i + 1).firstZxid() <= zxid; i++) {
      deleteSegment(all.get(i));
    }
  }

  /** Closes the log; entries appended but not committed are dropped. */
  @Override
  public void close() throws IOException {
    if (state != State.CLOSED) {
      state = State.CLOSED;
      closeWriter();
    }
  }

  private void writeBatch(int i) throws IOException {
    ByteBuffer batch = pending.batch(i);
    if (writer == null || rollRequested || !writer.hasRoomFor(batch.remaining())) {
      startSegment(pending.firstZxid(i));
    }
    writer.write(batch);
    if (options.forceSync()) {
      writer.force();
    }
    writer.markDurable(pending.lastZxid(i));
    lastDurableZxid = pending.lastZxid(i);
  }

  private void startSegment(long firstZxid) throws IOException {
    if (segments.containsKey(firstZxid) || firstZxid <= lastDurableZxid) {
      throw new IllegalStateException(
          "new segment at "
              + hex(firstZxid)
              + " overlaps the log ending at "
              + hex(lastDurableZxid));
    }
    if (writer != null) {
      // The batches before were forced already; sealing just returns the preallocated tail.
      writer.seal();
      closeWriter();
    }
    writer = SegmentWriter.create(dir, firstZxid, options);
    segments.put(firstZxid, writer.segment());
    rollRequested = false;
  }

  /** Deletes one segment and syncs, so that deletions become durable in the order made. */
  private void deleteSegment(Segment segment) throws IOException {
    dir.delete(segment.name());
    dir.sync();
    segments.remove(segment.firstZxid());
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      SegmentWriter w = writer;
      writer = null;
      w.close();
    }
  }

  private void fail(Exception e) {
    if (state == State.OPEN) {
      state = State.FAILED;
      failure = e;
    }
  }

  private void checkWritable(String operation) {
    if (state == State.CLOSED) {
      throw new IllegalStateException("txn log closed; cannot " + operation);
    }
    if (state == State.FAILED) {
      throw new LogFailedException(
          "txn log failed earlier (" + failure + "); cannot " + operation, failure);
    }
  }

  private void checkNoReaders(String operation) {
    if (openReaders > 0) {
      throw new IllegalStateException(
          "cannot " + operation + " with " + openReaders + " open log readers");
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("TxnLog[").append(state);
    for (Map.Entry<Long, Segment> e : segments.entrySet()) {
      s.append(", ").append(e.getValue());
    }
    return s.append(", pending to ").append(hex(lastAppendedZxid)).append(']').toString();
  }
}
