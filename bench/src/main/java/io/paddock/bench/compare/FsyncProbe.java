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
 * The disk's fsync latency where the servers keep their data: write 4 KiB to a file and {@code
 * FileChannel.force(false)} it (fdatasync, as a txn log commit does), many times; the percentiles
 * of the write + force time.
 *
 * <p>Two ways, because they cost differently on a journaling filesystem: {@link Mode#APPEND} grows
 * the file, so every force also commits a block allocation and the new size to the journal (shared
 * with every other writer on the filesystem); {@link Mode#REWRITE} writes the same allocated block
 * again, so a force flushes data only. A txn log commit most likely sits between the two: records
 * of a few hundred bytes mostly land in a block an earlier commit already allocated.
 */
public final class FsyncProbe {
  /** Bytes written before each force. */
  public static final int WRITE_BYTES = 4 * 1024;

  /** Forces a probe makes unless told otherwise. */
  public static final int DEFAULT_SAMPLES = 300;

  /** How the probe writes. */
  public enum Mode {
    /** Append 4 KiB: the file grows on every force. */
    APPEND("4 KiB append + fdatasync"),
    /** Write the first 4 KiB of the file again: data only. */
    REWRITE("4 KiB rewrite in place + fdatasync");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    /** What the report calls it. */
    public String label() {
      return label;
    }
  }

  private FsyncProbe() {}

  /** The result: p50, p99 and max of one write + force, ms. */
  public record Result(Mode mode, double p50Ms, double p99Ms, double maxMs, int samples) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%s: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d samples)",
          mode.label(),
          p50Ms,
          p99Ms,
          maxMs,
          samples);
    }
  }

  /**
   * Measures {@code samples} write + force pairs the {@code mode} way in a scratch file in {@code
   * dir}, then deletes the file.
   */
  public static Result measure(Path dir, int samples, Mode mode) throws IOException {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be positive: " + samples);
    }
    Files.createDirectories(dir);
    Path file = Files.createTempFile(dir, "fsync-probe", ".bin");
    Histogram h = LatencySummary.newHistogram();
    ByteBuffer block = ByteBuffer.wrap(Values.of(WRITE_BYTES));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (mode == Mode.REWRITE) {
        writeAt(ch, block, 0);
        ch.force(true);
      }
      for (int i = 0; i < samples; i++) {
        long position = mode == Mode.APPEND ? (long) i * WRITE_BYTES : 0;
        long start = System.nanoTime();
        writeAt(ch, block, position);
        ch.force(false);
        h.recordValue(Math.min(System.nanoTime() - start, LatencySummary.LATENCY_NS_MAX));
      }
    } finally {
      Files.deleteIfExists(file);
    }
    LatencySummary s = LatencySummary.of(h);
    return new Result(mode, s.p50Ms(), s.p99Ms(), s.maxMs(), samples);
  }

  private static void writeAt(FileChannel ch, ByteBuffer block, long position) throws IOException {
    block.clear();
    long at = position;
    while (block.hasRemaining()) {
      at += ch.write(block, at);
    }
  }
}
