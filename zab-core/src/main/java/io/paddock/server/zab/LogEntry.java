package io.paddock.server.zab;

import java.util.Arrays;
import java.util.Objects;

/**
 * One logged txn: its zxid and its encoded bytes. The array is handed over, not copied, and must
 * not be changed afterwards.
 */
public record LogEntry(long zxid, byte[] txn) {
  /** Rejects a null txn. */
  public LogEntry {
    Objects.requireNonNull(txn, "txn");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry e && zxid == e.zxid && Arrays.equals(txn, e.txn);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(zxid) + Arrays.hashCode(txn);
  }

  @Override
  public String toString() {
    return "LogEntry[zxid=0x" + Long.toHexString(zxid) + ", " + txn.length + " bytes]";
  }
}
