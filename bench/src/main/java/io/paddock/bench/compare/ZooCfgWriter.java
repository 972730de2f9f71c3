package io.paddock.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the zoo.cfg (and, for an ensemble member, the myid file) that both servers read: the same
 * text for ZooKeeper and Paddock, since Paddock reads ZooKeeper's format.
 */
public final class ZooCfgWriter {
  private ZooCfgWriter() {}

  /** Ports of one member: clients, quorum (followers to leader), leader election. */
  public record MemberPorts(int clientPort, int quorumPort, int electionPort) {}

  /**
   * The zoo.cfg lines for member {@code myId} (1-based) of {@code members}; a single member is
   * written as a standalone server (no {@code server.N} lines).
   */
  public static List<String> lines(
      ServerSettings settings, Path dataDir, List<MemberPorts> members, int myId) {
    if (myId < 1 || myId > members.size()) {
      throw new IllegalArgumentException("myId " + myId + " not in 1.." + members.size());
    }
    List<String> l = new ArrayList<>();
    l.add("tickTime=" + settings.tickTimeMs());
    l.add("initLimit=" + settings.initLimitTicks());
    l.add("syncLimit=" + settings.syncLimitTicks());
    l.add("dataDir=" + dataDir.toAbsolutePath());
    l.add("clientPort=" + members.get(myId - 1).clientPort());
    l.add("clientPortAddress=127.0.0.1");
    l.add("maxClientCnxns=0");
    l.add("snapCount=" + settings.snapCount());
    l.add("forceSync=yes");
    l.add("globalOutstandingLimit=" + settings.globalOutstandingLimit());
    l.add("autopurge.purgeInterval=0");
    l.add("admin.enableServer=false");
    l.add("4lw.commands.whitelist=*");
    if (members.size() > 1) {
      for (int i = 0; i < members.size(); i++) {
        MemberPorts p = members.get(i);
        l.add("server." + (i + 1) + "=127.0.0.1:" + p.quorumPort() + ":" + p.electionPort());
      }
    }
    return l;
  }

  /**
   * Writes {@code zoo.cfg} into {@code memberDir} (data under {@code memberDir/data}, with {@code
   * myid} for an ensemble) and returns its path.
   */
  public static Path write(
      ServerSettings settings, Path memberDir, List<MemberPorts> members, int myId)
      throws IOException {
    Path dataDir = Files.createDirectories(memberDir.resolve("data"));
    if (members.size() > 1) {
      Files.writeString(dataDir.resolve("myid"), myId + "\n", StandardCharsets.US_ASCII);
    }
    Path cfg = memberDir.resolve("zoo.cfg");
    Files.write(cfg, lines(settings, dataDir, members, myId), StandardCharsets.UTF_8);
    return cfg;
  }
}
