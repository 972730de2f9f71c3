package io.paddock.client.protocol;

import io.paddock.store.codec.MalformedRecordException;

/**
 * Size limits of the client wire protocol (PROTOCOL.md §1): the frame length rule, ZooKeeper's
 * per-field "unreasonable length" rule, and the decoder's own bound on multi ops.
 *
 * <p>{@link io.paddock.store.codec.JuteReader} already refuses any length beyond the bytes left in
 * its slice; a reader over one frame that passed {@link #checkFrameLength} therefore never sees a
 * field longer than maxbuffer, which is inside the per-field limit. The per-field rule is here for
 * readers over longer inputs and for documentation.
 */
public final class WireLimits {
  /** ZooKeeper's default {@code jute.maxbuffer}: 0xfffff = 1,048,575 bytes (1 MiB − 1). */
  public static final int JUTE_MAX_BUFFER_DEFAULT = 0xfffff;

  /** The smallest {@code zookeeper.jute.maxbuffer.extrasize}; smaller settings are raised to it. */
  public static final int EXTRA_SIZE_MIN = 1024;

  /** Bytes of the length prefix in front of every frame. */
  public static final int FRAME_LENGTH_BYTES = 4;

  /**
   * The most ops (or results) a multi decoder accepts: 2^17 = 131,072. ZooKeeper itself has no
   * count limit, but with the default maxbuffer no valid request (at least 14 bytes per op) or
   * reply (at least 9 bytes per result) can hold this many, so the bound rejects nothing ZooKeeper
   * would produce and keeps decoding bounded when maxbuffer is raised.
   */
  public static final int MULTI_OPS_MAX = 1 << 17;

  /**
   * ZooKeeper's client cuts SetWatches / SetWatches2 into batches: it adds paths to a batch until
   * their summed {@code String.length()} reaches this many chars (128 Ki), so a batch may go
   * slightly over (PROTOCOL.md §4).
   */
  public static final int SET_WATCHES_BATCH_CHARS_MAX = 128 * 1024;

  private WireLimits() {}

  /**
   * True when a frame length is acceptable: 0..{@code maxBuffer}. ZooKeeper's server closes the
   * connection without a reply on anything else ("Len error"); its client drops the connection
   * ("Packet len N is out of range!").
   */
  public static boolean isFrameLengthValid(int length, int maxBuffer) {
    return length >= 0 && length <= maxBuffer;
  }

  /**
   * Checks a frame length.
   *
   * @throws MalformedRecordException when {@link #isFrameLengthValid} is false
   */
  public static void checkFrameLength(int length, int maxBuffer) {
    if (!isFrameLengthValid(length, maxBuffer)) {
      throw new MalformedRecordException("Packet len " + length + " is out of range!");
    }
  }

  /**
   * The effective extrasize for a configured value: at least {@link #EXTRA_SIZE_MIN}. ZooKeeper's
   * default configured value is the maxbuffer itself.
   */
  public static int extraSize(int configured) {
    return Math.max(configured, EXTRA_SIZE_MIN);
  }

  /** The default effective extrasize for a maxbuffer: {@code extraSize(maxBuffer)}. */
  public static int extraSizeDefault(int maxBuffer) {
    return extraSize(maxBuffer);
  }

  /**
   * The largest buffer or string length ZooKeeper's BinaryInputArchive accepts: {@code maxBuffer +
   * extraSize} (computed without int overflow).
   */
  public static long fieldLengthMax(int maxBuffer, int extraSize) {
    return (long) maxBuffer + extraSize;
  }

  /**
   * True when a buffer or string length is reasonable: −1 (null), or 0..{@link #fieldLengthMax}.
   */
  public static boolean isFieldLengthReasonable(int length, int maxBuffer, int extraSize) {
    return length == -1 || (length >= 0 && length <= fieldLengthMax(maxBuffer, extraSize));
  }

  /**
   * Checks a buffer or string length.
   *
   * @throws MalformedRecordException with ZooKeeper's message "Unreasonable length = N"
   */
  public static void checkFieldLength(int length, int maxBuffer, int extraSize) {
    if (!isFieldLengthReasonable(length, maxBuffer, extraSize)) {
      throw new MalformedRecordException("Unreasonable length = " + length);
    }
  }
}
