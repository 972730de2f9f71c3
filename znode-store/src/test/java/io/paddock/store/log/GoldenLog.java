package io.paddock.store.log;

import io.paddock.store.io.SimulatedStorage;
import io.paddock.store.io.StorageFile;
import io.paddock.store.log.LogTesting.Expected;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Encodes segments by hand from the documented format, independently of the production code: the
 * golden bytes the log must write, and damaged logs the writer would never produce.
 */
final class GoldenLog {
  private GoldenLog() {}

  private static int crc(ByteBuffer buffer, int from, int to) {
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), from, to - from);
    return (int) crc.getValue();
  }

  /** A whole segment: header and the given batches, no preallocated tail. */
  static byte[] segment(long firstZxid, List<List<Expected>> batches) {
    int size = 20;
    for (List<Expected> batch : batches) {
      size += 24 + batch.stream().mapToInt(Expected::entryBytes).sum();
    }
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putInt(0x50444C47).putInt(1).putLong(firstZxid);
    b.putInt(crc(b, 0, 16));
    for (List<Expected> batch : batches) {
      int start = b.position();
      int body = batch.stream().mapToInt(Expected::entryBytes).sum();
      b.putInt(0x50444231).putInt(batch.size()).putInt(body).putLong(batch.get(0).zxid());
      b.putInt(crc(b, start, start + 20));
      for (Expected e : batch) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, e.zxid()));
        crc.update(e.payload());
        b.putInt(e.payload().length)
            .putLong(e.zxid())
            .putInt((int) crc.getValue())
            .put(e.payload());
      }
    }
    return b.array();
  }

  /** Writes {@code content} as a durable, synced file of the disk. */
  static void put(SimulatedStorage disk, String name, byte[] content) throws IOException {
    try (StorageFile file = disk.create(name)) {
      file.write(0, ByteBuffer.wrap(content));
      file.force();
    }
    disk.sync();
  }
}
