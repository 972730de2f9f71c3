package io.paddock.store.log;

/**
 * Tuning of the {@link TxnLog}. Options must not shrink between runs over the same files: a payload
 * longer than {@link #entryPayloadBytesMax} is refused as corruption when read.
 *
 * @param preAllocBytes the step by which a segment file is extended with zeros, so that a group
 *     commit rarely has to change the file size (one fsync instead of a metadata journal commit)
 * @param segmentBytesMax a new segment is started before a batch would make the current one longer;
 *     a single larger batch still goes whole into a fresh segment
 * @param batchBytesMax the size of a batch (header and entries) beyond which a group commit is
 *     split into several batches; a single larger entry still forms one batch
 * @param entryPayloadBytesMax the longest payload accepted by append and read
 * @param pendingBytesMax the most bytes appended and not yet committed; more is a caller bug
 * @param forceSync whether commit fsyncs; false only for tests and benchmarks, as a crash may then
 *     lose acknowledged entries or even leave the log unopenable
 */
public record LogOptions(
    long preAllocBytes,
    long segmentBytesMax,
    int batchBytesMax,
    int entryPayloadBytesMax,
    int pendingBytesMax,
    boolean forceSync) {

  /** 64 MiB, as ZooKeeper's txn log preallocates. */
  public static final long DEFAULT_PRE_ALLOC_BYTES = 64L << 20;

  /** 256 MiB; the server also rolls after every snapshot. */
  public static final long DEFAULT_SEGMENT_BYTES_MAX = 256L << 20;

  /** 1 MiB per batch. */
  public static final int DEFAULT_BATCH_BYTES_MAX = 1 << 20;

  /** 8 MiB, above ZooKeeper's 1 MiB jute.maxbuffer default with room for multi-ops. */
  public static final int DEFAULT_ENTRY_PAYLOAD_BYTES_MAX = 8 << 20;

  /** 256 MiB of appended, uncommitted entries. */
  public static final int DEFAULT_PENDING_BYTES_MAX = 256 << 20;

  /** Hard ceiling for batch and payload sizes: lengths on disk are signed ints. */
  public static final int SIZE_LIMIT_BYTES = 1 << 30;

  /** Hard ceiling for pending bytes: they live in one array. */
  public static final int PENDING_LIMIT_BYTES = Integer.MAX_VALUE - 64;

  /** Room for one entry in a batch of its own, besides the payload. */
  private static final int ENTRY_OVERHEAD_BYTES =
      LogFormat.BATCH_HEADER_BYTES + LogFormat.ENTRY_HEADER_BYTES;

  /** The smallest segment limit accepted: a header and a small batch. */
  public static final long SEGMENT_BYTES_MAX_MIN = 256;

  /** Validates the options. */
  public LogOptions {
    check(preAllocBytes >= 1, "preAllocBytes must be positive: " + preAllocBytes);
    check(
        segmentBytesMax >= SEGMENT_BYTES_MAX_MIN,
        "segmentBytesMax must be at least " + SEGMENT_BYTES_MAX_MIN + ": " + segmentBytesMax);
    check(
        batchBytesMax >= 1 && batchBytesMax <= SIZE_LIMIT_BYTES,
        "batchBytesMax out of range: " + batchBytesMax);
    check(
        entryPayloadBytesMax >= 0 && entryPayloadBytesMax <= SIZE_LIMIT_BYTES,
        "entryPayloadBytesMax out of range: " + entryPayloadBytesMax);
    check(
        pendingBytesMax >= (long) entryPayloadBytesMax + ENTRY_OVERHEAD_BYTES
            && pendingBytesMax <= PENDING_LIMIT_BYTES,
        "pendingBytesMax must hold one largest entry and stay below "
            + PENDING_LIMIT_BYTES
            + ": "
            + pendingBytesMax);
  }

  /** The production defaults. */
  public static LogOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds {@link LogOptions}; every option starts at its default. */
  public static final class Builder {
    private long preAllocBytes = DEFAULT_PRE_ALLOC_BYTES;
    private long segmentBytesMax = DEFAULT_SEGMENT_BYTES_MAX;
    private int batchBytesMax = DEFAULT_BATCH_BYTES_MAX;
    private int entryPayloadBytesMax = DEFAULT_ENTRY_PAYLOAD_BYTES_MAX;
    private int pendingBytesMax = DEFAULT_PENDING_BYTES_MAX;
    private boolean forceSync = true;

    private Builder() {}

    /** Sets {@link LogOptions#preAllocBytes}. */
    public Builder preAllocBytes(long value) {
      preAllocBytes = value;
      return this;
    }

    /** Sets {@link LogOptions#segmentBytesMax}. */
    public Builder segmentBytesMax(long value) {
      segmentBytesMax = value;
      return this;
    }

    /** Sets {@link LogOptions#batchBytesMax}. */
    public Builder batchBytesMax(int value) {
      batchBytesMax = value;
      return this;
    }

    /** Sets {@link LogOptions#entryPayloadBytesMax}. */
    public Builder entryPayloadBytesMax(int value) {
      entryPayloadBytesMax = value;
      return this;
    }

    /** Sets {@link LogOptions#pendingBytesMax}. */
    public Builder pendingBytesMax(int value) {
      pendingBytesMax = value;
      return this;
    }

    /** Sets {@link LogOptions#forceSync}. */
    public Builder forceSync(boolean value) {
      forceSync = value;
      return this;
    }

    /** Validates and builds. */
    public LogOptions build() {
      return new LogOptions(
          preAllocBytes,
          segmentBytesMax,
          batchBytesMax,
          entryPayloadBytesMax,
          pendingBytesMax,
          forceSync);
    }
  }
}
