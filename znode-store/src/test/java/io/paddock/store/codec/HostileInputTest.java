package io.paddock.store.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.Stat;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Lengths and counts that lie, and records cut short, fail with MalformedRecordException — never
 * with another exception and never after allocating what the lie asked for.
 */
class HostileInputTest {
  private static final int ROUNDS = 10_000;
  private static final long VECTOR_COUNT = 1L << 30;

  /** An int prefix followed by {@code tail} bytes of zeros. */
  private static byte[] prefixed(long prefix, int tail) {
    JuteWriter w = new JuteWriter();
    w.writeInt((int) prefix);
    w.writeRaw(new byte[tail], 0, tail);
    return w.toByteArray();
  }

  private static void assertMalformed(byte[] input, Consumer<JuteReader> decode, String what) {
    MalformedRecordException e =
        assertThrows(
            MalformedRecordException.class, () -> decode.accept(new JuteReader(input)), what);
    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), what + ": says why");
  }

  @Test
  void bufferLengthsBeyondTheInputOrBelowMinusOneAreRefused() {
    Consumer<JuteReader> buffer = JuteReader::readBuffer;
    assertMalformed(prefixed(Integer.MAX_VALUE, 16), buffer, "MAX_VALUE");
    assertMalformed(prefixed(17, 16), buffer, "remaining + 1");
    assertMalformed(prefixed(-2, 16), buffer, "−2");
    assertMalformed(prefixed(Integer.MIN_VALUE, 16), buffer, "MIN_VALUE");
    assertEquals(
        16, new JuteReader(prefixed(16, 16)).readBuffer().length, "exactly remaining is ok");
  }

  @Test
  void stringLengthsBeyondTheInputOrBelowMinusOneAreRefused() {
    Consumer<JuteReader> string = JuteReader::readString;
    assertMalformed(prefixed(Integer.MAX_VALUE, 16), string, "MAX_VALUE");
    assertMalformed(prefixed(17, 16), string, "remaining + 1");
    assertMalformed(prefixed(-2, 16), string, "−2");
    assertEquals(16, new JuteReader(prefixed(16, 16)).readString().length());
  }

  @Test
  void vectorCountsBeyondWhatTheInputCanHoldAreRefused() {
    assertMalformed(prefixed(VECTOR_COUNT, 8), JuteReader::readStringList, "2^30 strings");
    assertMalformed(prefixed(VECTOR_COUNT, 8), Acl::readList, "2^30 ACLs");
    assertMalformed(prefixed(Integer.MAX_VALUE, 8), JuteReader::readStringList, "MAX_VALUE");
    assertMalformed(prefixed(-2, 8), JuteReader::readStringList, "−2");
    assertMalformed(prefixed(3, 8), JuteReader::readStringList, "3 strings need 12 bytes");
    assertEquals(2, new JuteReader(prefixed(2, 8)).readStringList().size(), "2 empty strings fit");
  }

  private static long allocatedBytes(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }

  private static Runnable decodeRepeatedly(byte[] input, Consumer<JuteReader> decode) {
    return () -> {
      for (int i = 0; i < ROUNDS; i++) {
        try {
          decode.accept(new JuteReader(input));
          throw new AssertionError("hostile input decoded");
        } catch (MalformedRecordException expected) {
          // the exception and its message are all that may be allocated
        }
      }
    };
  }

  @Test
  void refusingAHostileLengthAllocatesFarLessThanHonouringItOnce() {
    long honouredBuffer = Integer.MAX_VALUE; // a byte[] of that length
    long honouredVector = VECTOR_COUNT * 4; // an ArrayList's backing array, 4-byte references
    long limit = Math.min(honouredBuffer, honouredVector) / 16;
    long buffers =
        allocatedBytes(decodeRepeatedly(prefixed(Integer.MAX_VALUE, 8), JuteReader::readBuffer));
    long strings =
        allocatedBytes(decodeRepeatedly(prefixed(Integer.MAX_VALUE, 8), JuteReader::readString));
    long vectors =
        allocatedBytes(decodeRepeatedly(prefixed(VECTOR_COUNT, 8), JuteReader::readStringList));
    String report = "buffers " + buffers + ", strings " + strings + ", vectors " + vectors;
    assertTrue(
        buffers < limit && strings < limit && vectors < limit, ROUNDS + " refusals: " + report);
  }

  @Test
  void everyPrefixOfAStatFailsCleanly() {
    JuteWriter w = new JuteWriter();
    new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11).write(w);
    byte[] full = w.toByteArray();
    for (int n = 0; n < full.length; n++) {
      byte[] cut = Arrays.copyOf(full, n);
      assertMalformed(cut, Stat::read, "Stat cut to " + n + " bytes");
    }
    Stat.read(new JuteReader(full)); // and the whole one decodes
  }

  @Test
  void everyPrefixOfAnAclVectorFailsCleanly() {
    JuteWriter w = new JuteWriter();
    Acl.writeList(w, List.of(new Acl(31, Id.ANYONE), new Acl(1, new Id("digest", "user:pw"))));
    byte[] full = w.toByteArray();
    for (int n = 0; n < full.length; n++) {
      assertMalformed(Arrays.copyOf(full, n), Acl::readList, "ACL vector cut to " + n + " bytes");
    }
    assertEquals(2, Acl.readList(new JuteReader(full)).size());
  }
}
