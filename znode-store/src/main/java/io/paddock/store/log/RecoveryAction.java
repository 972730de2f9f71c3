package io.paddock.store.log;

/**
 * Something {@link TxnLog#open} changed on disk while recovering, each also logged as a WARN.
 *
 * @param kind what was done
 * @param file the file, as its directory describes it
 * @param offset where a tail was cut (0 for whole files)
 * @param bytes how many bytes were removed
 * @param reason why
 */
public record RecoveryAction(Kind kind, String file, long offset, long bytes, String reason) {

  /** The kinds of repair recovery makes; anything else is refused as corruption. */
  public enum Kind {
    /** A leftover temporary file of an interrupted segment creation or truncation was deleted. */
    TEMP_DELETED,
    /** A trailing segment without any valid batch (a crash while creating it) was deleted. */
    SEGMENT_DELETED,
    /** A torn tail (a bad batch with no valid batch after it) was cut from the last segment. */
    TAIL_CUT
  }
}
