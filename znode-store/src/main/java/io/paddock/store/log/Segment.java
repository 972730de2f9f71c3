package io.paddock.store.log;

/**
 * What the log knows of one segment file: where its durable, valid data ends and its last zxid.
 * Mutable, owned by {@link TxnLog}; readers take {@link #copy()}s.
 */
final class Segment {
  private final String name;
  private final long firstZxid;
  private long lastZxid;
  private long endOffset;

  Segment(String name, long firstZxid, long lastZxid, long endOffset) {
    this.name = name;
    this.firstZxid = firstZxid;
    this.lastZxid = lastZxid;
    this.endOffset = endOffset;
  }

  String name() {
    return name;
  }

  long firstZxid() {
    return firstZxid;
  }

  /** The zxid of the last durable entry, or {@link LogFormat#NO_ZXID} for a new segment. */
  long lastZxid() {
    return lastZxid;
  }

  /** The end of the durable, valid batches: where the next batch goes. */
  long endOffset() {
    return endOffset;
  }

  /** Records that the data up to {@code newEndOffset} is durable. */
  void advance(long newEndOffset, long newLastZxid) {
    if (newEndOffset < endOffset || newLastZxid <= lastZxid) {
      throw new IllegalStateException(
          name + ": durable end may only grow, from " + endOffset + " to " + newEndOffset);
    }
    endOffset = newEndOffset;
    lastZxid = newLastZxid;
  }

  /** Records that everything after {@code newEndOffset} was cut. */
  void cut(long newEndOffset, long newLastZxid) {
    if (newEndOffset > endOffset || newLastZxid > lastZxid || newLastZxid < firstZxid) {
      throw new IllegalStateException(
          name + ": cut must shrink the segment and keep its first entry");
    }
    endOffset = newEndOffset;
    lastZxid = newLastZxid;
  }

  Segment copy() {
    return new Segment(name, firstZxid, lastZxid, endOffset);
  }

  @Override
  public String toString() {
    return name
        + "["
        + LogFormat.hex(firstZxid)
        + ".."
        + LogFormat.hex(lastZxid)
        + ", end "
        + endOffset
        + "]";
  }
}
