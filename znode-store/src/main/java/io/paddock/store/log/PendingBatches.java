package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.BATCH_HEADER_BYTES;
import static io.paddock.store.log.LogFormat.ENTRY_HEADER_BYTES;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Appended entries not yet committed, already laid out as they go to disk: each batch is a header
 * slot followed by its entries in one buffer, so a payload is copied exactly once and a batch is
 * written with one positional write.
 */
final class PendingBatches {
  private static final int INITIAL_BYTES = 64 * 1024;

  private final int batchBytesMax;
  private final int pendingBytesMax;
  private final List<Batch> batches = new ArrayList<>();
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buffer = ByteBuffer.allocate(INITIAL_BYTES);

  /** One batch in the buffer. */
  private static final class Batch {
    final int start;
    final long firstZxid;
    long lastZxid;
    int entryCount;

    Batch(int start, long firstZxid) {
      this.start = start;
      this.firstZxid = firstZxid;
    }
  }

  PendingBatches(int batchBytesMax, int pendingBytesMax) {
    this.batchBytesMax = batchBytesMax;
    this.pendingBytesMax = pendingBytesMax;
  }

  boolean isEmpty() {
    return batches.isEmpty();
  }

  int batchCount() {
    return batches.size();
  }

  /**
   * Lays out one entry; the caller checked zxid order and payload size. The payload's position is
   * left unchanged.
   *
   * @throws IllegalStateException if more than pendingBytesMax would be pending
   */
  void add(long zxid, ByteBuffer payload) {
    int length = payload.remaining();
    int entryBytes = ENTRY_HEADER_BYTES + length;
    Batch current = batches.isEmpty() ? null : batches.get(batches.size() - 1);
    boolean startBatch =
        current == null || buffer.position() - current.start + entryBytes > batchBytesMax;
    long needed = (long) buffer.position() + entryBytes + (startBatch ? BATCH_HEADER_BYTES : 0);
    if (needed > pendingBytesMax) {
      throw new IllegalStateException(
          "pending entries would take " + needed + " bytes, over " + pendingBytesMax + "; commit");
    }
    ensureCapacity((int) needed);
    if (startBatch) {
      current = new Batch(buffer.position(), zxid);
      batches.add(current);
      buffer.position(buffer.position() + BATCH_HEADER_BYTES);
    }
    int entry = buffer.position();
    buffer.putInt(length).putLong(zxid).putInt(0).put(payload.duplicate());
    crc.reset();
    crc.update(buffer.array(), entry + 4, Long.BYTES);
    crc.update(buffer.array(), entry + ENTRY_HEADER_BYTES, length);
    buffer.putInt(entry + 12, (int) crc.getValue());
    current.lastZxid = zxid;
    current.entryCount++;
  }

  /** Seals batch {@code i}'s header and returns the batch's bytes, ready for one write. */
  ByteBuffer batch(int i) {
    Batch batch = batches.get(i);
    int end = i + 1 < batches.size() ? batches.get(i + 1).start : buffer.position();
    int bodyLength = end - batch.start - BATCH_HEADER_BYTES;
    LogFormat.putBatchHeader(buffer, batch.start, batch.entryCount, bodyLength, batch.firstZxid);
    return ByteBuffer.wrap(buffer.array(), batch.start, end - batch.start);
  }

  long lastZxid(int i) {
    return batches.get(i).lastZxid;
  }

  long firstZxid(int i) {
    return batches.get(i).firstZxid;
  }

  /** Forgets every pending entry; a buffer grown by a burst is released. */
  void clear() {
    batches.clear();
    if (buffer.capacity() > Math.max(INITIAL_BYTES, 2 * batchBytesMax)) {
      buffer = ByteBuffer.allocate(INITIAL_BYTES);
    }
    buffer.clear();
  }

  private void ensureCapacity(int needed) {
    if (needed > buffer.capacity()) {
      int capacity = (int) Math.min(pendingBytesMax, Math.max(needed, 2L * buffer.capacity()));
      ByteBuffer bigger = ByteBuffer.allocate(capacity);
      bigger.put(buffer.flip());
      buffer = bigger;
    }
  }
}
