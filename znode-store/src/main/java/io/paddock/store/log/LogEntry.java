package io.paddock.store.log;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** One txn read back from the log: its zxid and its opaque payload, checksum verified. */
public final class LogEntry {
  private final long zxid;
  private final byte[] payload;

  LogEntry(long zxid, byte[] payload) {
    this.zxid = zxid;
    this.payload = payload;
  }

  /** The zxid the entry was appended with. */
  public long zxid() {
    return zxid;
  }

  /** The payload, as a read-only buffer over the entry's own bytes. */
  public ByteBuffer payload() {
    return ByteBuffer.wrap(payload).asReadOnlyBuffer();
  }

  /** A copy of the payload bytes. */
  public byte[] payloadBytes() {
    return payload.clone();
  }

  /** The payload length in bytes. */
  public int payloadLength() {
    return payload.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry e && e.zxid == zxid && Arrays.equals(e.payload, payload);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(zxid) * 31 + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "LogEntry[zxid=0x" + Long.toHexString(zxid) + ", " + payload.length + " bytes]";
  }
}
