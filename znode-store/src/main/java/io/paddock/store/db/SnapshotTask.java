package io.paddock.store.db;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.snapshot.SnapshotOutput;
import io.paddock.store.tree.SnapshotCursor;
import java.io.IOException;

/**
 * A snapshot being written in slices while writes go on. The thread that applies txns calls {@link
 * #step()} between batches until it returns true; each step encodes a bounded number of nodes and
 * hands the bytes to the snapshot file. The snapshot is exact as of {@link #zxid()}.
 */
public final class SnapshotTask implements AutoCloseable {
  private static final int WRITER_BYTES_INITIAL = 1 << 20;

  private final SnapshotCursor cursor;
  private final SnapshotOutput output;
  private final int sliceNodes;
  private final Runnable onCommitted;
  private final JuteWriter buffer = new JuteWriter(WRITER_BYTES_INITIAL);
  private boolean done;

  SnapshotTask(SnapshotCursor cursor, SnapshotOutput output, int sliceNodes, Runnable onCommitted) {
    this.cursor = cursor;
    this.output = output;
    this.sliceNodes = sliceNodes;
    this.onCommitted = onCommitted;
  }

  /** The zxid the snapshot captures. */
  public long zxid() {
    return cursor.zxid();
  }

  /** True once the snapshot is committed (durable and visible under its final name). */
  public boolean isDone() {
    return done;
  }

  /**
   * Encodes and writes the next slice; after the last one, commits the file (fsync and rename).
   *
   * @return true when the snapshot is committed
   * @throws IOException when writing fails; the task is then aborted and its file removed
   */
  public boolean step() throws IOException {
    if (done) {
      return true;
    }
    try {
      buffer.reset();
      boolean finished = cursor.writeSlice(buffer, sliceNodes);
      output.write(buffer.array(), 0, buffer.size());
      if (finished) {
        output.commit();
        cursor.close();
        done = true;
        onCommitted.run();
      }
      return done;
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Runs every remaining step. */
  public void finish() throws IOException {
    while (!step()) {
      // each step is bounded; looping here is for callers that may block (start-up, shutdown)
    }
  }

  /** Abandons an unfinished snapshot: releases the cursor and deletes the temporary file. */
  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    cursor.close();
    output.abort();
  }
}
