package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcStatTest {
  /** A real line's shape: utime is field 14 (here 1234), stime field 15 (here 567). */
  private static final String LINE =
      "4242 (java) S 1 4242 4242 0 -1 4194560 12345 0 0 0 1234 567 0 0 20 0 42 0 9999 "
          + "123456789 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

  @Test
  void cpuTicksAreUtimePlusStime() {
    assertEquals(1234 + 567, ProcStat.cpuTicks(LINE));
  }

  @Test
  void fieldsAreCountedFromTheLastParenthesisSoOddCommandNamesParse() {
    String odd = LINE.replace("(java)", "(my (odd) proc 7 8 9)");
    assertEquals(1234 + 567, ProcStat.cpuTicks(odd));
  }

  @Test
  void aLineThatIsNotAStatLineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("no parenthesis"));
    assertThrows(IllegalArgumentException.class, () -> ProcStat.cpuTicks("1 (java) S 1 2"));
  }

  @Test
  void thisProcessHasUsedSomeCpuAndTheTickRateIsPositive() {
    assertTrue(ProcStat.clockTicksPerSecond() > 0);
    assertTrue(ProcStat.cpuMs(ProcessHandle.current().pid()) >= 0);
    assertEquals(-1, ProcStat.cpuMs(Long.MAX_VALUE));
  }
}
