package io.paddock.store.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Shared helpers of the txn log tests. */
final class LogTesting {
  private LogTesting() {}

  /** A small expected entry, compared with {@link LogEntry} by zxid and payload. */
  record Expected(long zxid, byte[] payload) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Expected e && e.zxid == zxid && Arrays.equals(e.payload, payload);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(zxid);
    }

    @Override
    public String toString() {
      return "0x" + Long.toHexString(zxid) + "(" + payload.length + "B)";
    }

    /** The bytes this entry takes in a batch body. */
    int entryBytes() {
      return LogFormat.ENTRY_HEADER_BYTES + payload.length;
    }
  }

  /** A payload of {@code length} random bytes. */
  static byte[] payload(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Appends one entry and records it. */
  static Expected append(TxnLog log, List<Expected> model, long zxid, byte[] payload) {
    log.append(zxid, ByteBuffer.wrap(payload));
    Expected e = new Expected(zxid, payload);
    model.add(e);
    return e;
  }

  /** Every entry of the log from {@code zxid} on. */
  static List<Expected> readFrom(TxnLog log, long zxid) throws IOException {
    List<Expected> out = new ArrayList<>();
    try (LogReader reader = log.readFrom(zxid)) {
      while (reader.hasNext()) {
        LogEntry e = reader.next();
        out.add(new Expected(e.zxid(), e.payloadBytes()));
      }
    }
    return out;
  }

  /** Every entry of the log. */
  static List<Expected> readAll(TxnLog log) throws IOException {
    return readFrom(log, 1);
  }

  /** Asserts that the log holds exactly {@code expected}. */
  static void assertHolds(List<Expected> expected, TxnLog log, String message) throws IOException {
    assertEquals(expected, readAll(log), message);
  }

  /** Small sizes so that a few entries make many segments and preallocation steps. */
  static LogOptions.Builder small() {
    return LogOptions.builder()
        .preAllocBytes(512)
        .segmentBytesMax(2048)
        .batchBytesMax(700)
        .entryPayloadBytesMax(1500)
        .pendingBytesMax(1 << 20);
  }
}
