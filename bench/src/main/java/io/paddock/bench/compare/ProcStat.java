package io.paddock.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of a process from Linux's {@code /proc/<pid>/stat}: utime + stime, in clock ticks of
 * {@code getconf CLK_TCK}.
 */
public final class ProcStat {
  /** The tick rate Linux uses nearly everywhere, for when {@code getconf} cannot be run. */
  static final long CLK_TCK_FALLBACK = 100;

  /** Field numbers (1-based, as proc(5) counts them) of utime and stime. */
  static final int UTIME_FIELD = 14;

  static final int STIME_FIELD = 15;

  /** The first field after the parenthesised command name is field 3 (state). */
  private static final int FIRST_FIELD_AFTER_COMM = 3;

  private static final long GETCONF_WAIT_MS = 5_000;

  private static volatile long clockTicksPerSecond;

  private ProcStat() {}

  /**
   * utime + stime in ticks from the content of a stat file. The command name may hold spaces and
   * parentheses, so fields are counted from the last ')'.
   */
  public static long cpuTicks(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
    }
    String[] fields = statLine.substring(close + 1).trim().split("\\s+");
    int utime = UTIME_FIELD - FIRST_FIELD_AFTER_COMM;
    int stime = STIME_FIELD - FIRST_FIELD_AFTER_COMM;
    if (fields.length <= stime) {
      throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: " + statLine);
    }
    return Long.parseLong(fields[utime]) + Long.parseLong(fields[stime]);
  }

  /** The CPU milliseconds process {@code pid} used so far; -1 when it is gone or unreadable. */
  public static double cpuMs(long pid) {
    try {
      String line =
          Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
      return cpuTicks(line) * 1000.0 / clockTicksPerSecond();
    } catch (IOException | IllegalArgumentException e) {
      return -1;
    }
  }

  /** {@code getconf CLK_TCK}, read once; {@value #CLK_TCK_FALLBACK} when it cannot be run. */
  public static long clockTicksPerSecond() {
    long cached = clockTicksPerSecond;
    if (cached > 0) {
      return cached;
    }
    long ticks = CLK_TCK_FALLBACK;
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (p.waitFor(GETCONF_WAIT_MS, TimeUnit.MILLISECONDS) && p.exitValue() == 0) {
        ticks = Long.parseLong(out);
      }
    } catch (IOException | NumberFormatException e) {
      ticks = CLK_TCK_FALLBACK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clockTicksPerSecond = ticks;
    return ticks;
  }
}
