package io.paddock.bench.compare;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The disk's fsync latency where the servers keep their data: append 4 KiB to a file and {@code
 * FileChannel.force(false)} it (as a txn log commit does), many times; the percentiles of the write
 * + force time.
 */
public final class FsyncProbe {
  /** Bytes written before each force. */
  public static final int WRITE_BYTES = 4 * 1024;

  /** Forces a probe makes unless told otherwise. */
  public static final int DEFAULT_SAMPLES = 300;

  private FsyncProbe() {}

  /** The result: p50, p99 and max of one write + force, ms. */
  public record Result(double p50Ms, double p99Ms, double maxMs, int samples) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "4 KiB append + fdatasync: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)",
          p50Ms,
          p99Ms,
          maxMs,
          samples);
    }
  }

  /**
   * Measures {@code samples} write + force pairs in a scratch file in {@code dir}, then deletes it.
   */
  public static Result measure(Path dir, int samples) throws IOException {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be positive: " + samples);
    }
    Files.createDirectories(dir);
    Path file = Files.createTempFile(dir, "fsync-probe", ".bin");
    Histogram h = LatencySummary.newHistogram();
    ByteBuffer block = ByteBuffer.wrap(Values.of(WRITE_BYTES));
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      for (int i = 0; i < samples; i++) {
        block.clear();
        long start = System.nanoTime();
        while (block.hasRemaining()) {
          ch.write(block);
        }
        ch.force(false);
        h.recordValue(Math.min(System.nanoTime() - start, LatencySummary.LATENCY_NS_MAX));
      }
    } finally {
      Files.deleteIfExists(file);
    }
    LatencySummary s = LatencySummary.of(h);
    return new Result(s.p50Ms(), s.p99Ms(), s.maxMs(), samples);
  }
}
