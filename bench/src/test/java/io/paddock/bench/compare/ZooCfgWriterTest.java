package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooCfgWriterTest {
  private static final List<ZooCfgWriter.MemberPorts> THREE =
      List.of(
          new ZooCfgWriter.MemberPorts(2181, 2888, 3888),
          new ZooCfgWriter.MemberPorts(2182, 2889, 3889),
          new ZooCfgWriter.MemberPorts(2183, 2890, 3890));

  @Test
  void standaloneConfigHasTheSharedSettingsAndNoServerLines(@TempDir Path dir) throws Exception {
    Path cfg = ZooCfgWriter.write(ServerSettings.defaults(), dir, List.of(THREE.get(0)), 1);
    List<String> lines = Files.readAllLines(cfg);
    assertTrue(lines.contains("tickTime=2000"));
    assertTrue(lines.contains("forceSync=yes"));
    assertTrue(lines.contains("snapCount=100000"));
    assertTrue(lines.contains("clientPort=2181"));
    assertTrue(lines.contains("clientPortAddress=127.0.0.1"));
    assertTrue(lines.contains("4lw.commands.whitelist=*"));
    assertTrue(lines.contains("dataDir=" + dir.resolve("data").toAbsolutePath()));
    assertFalse(lines.stream().anyMatch(l -> l.startsWith("server.")), lines.toString());
    assertFalse(Files.exists(dir.resolve("data").resolve("myid")));
  }

  @Test
  void ensembleMemberGetsAllServerLinesItsClientPortAndMyid(@TempDir Path dir) throws Exception {
    Path cfg = ZooCfgWriter.write(ServerSettings.defaults(), dir, THREE, 2);
    List<String> lines = Files.readAllLines(cfg);
    assertTrue(lines.contains("clientPort=2182"));
    assertEquals(
        List.of(
            "server.1=127.0.0.1:2888:3888",
            "server.2=127.0.0.1:2889:3889",
            "server.3=127.0.0.1:2890:3890"),
        lines.stream().filter(l -> l.startsWith("server.")).toList());
    assertEquals("2\n", Files.readString(dir.resolve("data").resolve("myid")));
  }

  @Test
  void memberIdOutsideTheEnsembleIsRefused(@TempDir Path dir) {
    assertThrows(
        IllegalArgumentException.class,
        () -> ZooCfgWriter.lines(ServerSettings.defaults(), dir, THREE, 4));
  }
}
