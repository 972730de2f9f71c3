package io.paddock.store.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Epoch and vote files on a real filesystem: round trip, replacement, damage reported loudly. */
class AtomicStateFileTest {
  @TempDir Path tmp;

  private AtomicStateFile state() throws IOException {
    return new AtomicStateFile(new NioStorageDirectory(tmp));
  }

  @Test
  void roundTripAndOverwrite() throws IOException {
    AtomicStateFile state = state();
    assertEquals(Optional.empty(), state.read("currentEpoch"));
    state.write("currentEpoch", "7".getBytes(UTF_8));
    assertArrayEquals("7".getBytes(UTF_8), state.read("currentEpoch").orElseThrow());
    state.write("currentEpoch", "12345".getBytes(UTF_8));
    assertArrayEquals("12345".getBytes(UTF_8), state.read("currentEpoch").orElseThrow());
    state.write("empty", new byte[0]);
    assertEquals(0, state.read("empty").orElseThrow().length);
    assertEquals(16 + 5, Files.size(tmp.resolve("currentEpoch")), "12-byte header, 4-byte CRC");
    assertFalse(Files.exists(tmp.resolve("currentEpoch.tmp")));
  }

  @Test
  void flippedContentByteIsReportedWithFileAndOffset() throws IOException {
    AtomicStateFile state = state();
    state.write("acceptedEpoch", "abcdef".getBytes(UTF_8));
    Path file = tmp.resolve("acceptedEpoch");
    byte[] raw = Files.readAllBytes(file);
    raw[14] ^= 0x01;
    Files.write(file, raw);
    CorruptFileException e =
        assertThrows(CorruptFileException.class, () -> state.read("acceptedEpoch"));
    assertEquals(file.toAbsolutePath().toString(), e.file());
    assertEquals(18, e.offset(), "the checksum after 12 header and 6 content bytes failed");
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("offset 18"), e.getMessage());
  }

  @Test
  void badMagicVersionAndLengthAreReported() throws IOException {
    AtomicStateFile state = state();
    Path file = tmp.resolve("vote");
    for (int offset : new int[] {0, 4, 8}) {
      state.write("vote", "x".getBytes(UTF_8));
      byte[] raw = Files.readAllBytes(file);
      raw[offset + 3] ^= 0x40;
      Files.write(file, raw);
      CorruptFileException e = assertThrows(CorruptFileException.class, () -> state.read("vote"));
      assertEquals(offset, e.offset(), e.getMessage());
    }
    Files.write(file, new byte[5]);
    assertThrows(CorruptFileException.class, () -> state.read("vote"), "a short file is damage");
  }

  @Test
  void leftoverTmpIsIgnoredAndDeleted() throws IOException {
    AtomicStateFile state = state();
    state.write("currentEpoch", "1".getBytes(UTF_8));
    Files.write(
        tmp.resolve("currentEpoch.tmp"), "garbage".getBytes(UTF_8), StandardOpenOption.CREATE);
    assertArrayEquals("1".getBytes(UTF_8), state.read("currentEpoch").orElseThrow());
    assertFalse(Files.exists(tmp.resolve("currentEpoch.tmp")));
  }

  @Test
  void rejectsOversizedContentAndTmpNames() throws IOException {
    AtomicStateFile state = state();
    assertThrows(
        IllegalArgumentException.class,
        () -> state.write("big", new byte[AtomicStateFile.CONTENT_BYTES_MAX + 1]));
    assertThrows(IllegalArgumentException.class, () -> state.write("x.tmp", new byte[1]));
  }
}
