package io.paddock.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing wchc answers (Paddock's and ZooKeeper's share the format) and refusals. */
class FourLetterWordTest {

  @Test
  void aWchcAnswerGroupsPathsBySessionAndMergesRepeatedSessions() {
    Map<Long, List<String>> watches = new LinkedHashMap<>();
    // ZooKeeper lists data watches and child watches separately: one session may come twice.
    FourLetterWord.parseWchc(
        "0x100000a2b3c0000\n\t/a\n\t/b/c\n0xffffffffffffffff\n\t/x\n\n0x100000a2b3c0000\n\t/d\n",
        watches);
    assertEquals(List.of("/a", "/b/c", "/d"), watches.get(0x100000a2b3c0000L));
    assertEquals(List.of("/x"), watches.get(-1L), "session ids are unsigned hex");
    assertEquals(2, watches.size());
  }

  @Test
  void aRefusedWordFailsLoudlyInsteadOfLookingLikeNoWatches() {
    assertThrows(
        IllegalStateException.class,
        () ->
            FourLetterWord.parseWchc(
                "wchc is not executed because it is not in the whitelist.\n",
                new LinkedHashMap<>()));
  }

  @Test
  void badArgumentsAndUnreachableServersAreReported() {
    assertThrows(IllegalArgumentException.class, () -> FourLetterWord.send("127.0.0.1:1", "ok"));
    assertThrows(IllegalArgumentException.class, () -> FourLetterWord.send("nohost", "ruok"));
    assertThrows(UncheckedIOException.class, () -> FourLetterWord.send("127.0.0.1:1", "ruok"));
  }
}
