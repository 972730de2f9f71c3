package io.paddock.server.badinput;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.paddock.client.protocol.FourLetterWords;
import io.paddock.client.protocol.ReplyHeader;
import io.paddock.client.protocol.WireLimits;
import io.paddock.server.interop.Clients;
import io.paddock.server.interop.CoreKind;
import io.paddock.server.interop.TestCore;
import io.paddock.store.codec.JuteReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the client port (issue 3, "Bad input"): mutated and random frames from {@link
 * FrameMutator}, each on its own connection, after a valid handshake or (one in ten) as the first
 * frame. For every frame the server must answer or close within {@link WireClient#REPLY_WAIT}.
 * Every {@value #CHECK_EVERY} frames and at the end: a long-lived witness session (the official
 * client) does a setData/getData round trip; the sentinel subtree it owns (world may only READ) has
 * the digest it had at the start; and the server's connection count ({@code srvr}) is back to its
 * baseline.
 *
 * <p>{@code -Dpaddock.fuzz.seed=N} replays one seed, {@code -Dpaddock.fuzz.frames=N} sets the
 * count. The default suite runs {@value #DEFAULT_FRAMES} frames; the slow variant (tag "slow",
 * {@code -Psoak}) {@value #SLOW_FRAMES}.
 */
class FrameFuzzTest {
  static final int DEFAULT_FRAMES = 300;
  static final int SLOW_FRAMES = 20_000;
  static final long DEFAULT_SEED = 20_240_601L;
  static final int CHECK_EVERY = 25;
  private static final Duration SETTLE = Duration.ofSeconds(10);

  @TempDir Path dir;

  private static long seed() {
    return Long.getLong("paddock.fuzz.seed", DEFAULT_SEED);
  }

  @Test
  void paddockSurvivesBadFrames() throws Exception {
    fuzz(CoreKind.PADDOCK, seed(), Integer.getInteger("paddock.fuzz.frames", DEFAULT_FRAMES), true);
  }

  @Tag("slow")
  @Test
  void paddockSurvivesManyBadFrames() throws Exception {
    fuzz(CoreKind.PADDOCK, seed(), SLOW_FRAMES, true);
  }

  /**
   * The same frames on Apache ZooKeeper and on Paddock, for information: prints where the first
   * response differs (a reply code, or a close instead of a reply). Asserts only that both servers
   * survive.
   */
  @Test
  void sameFramesOnZooKeeperForInformation() throws Exception {
    int frames = Integer.getInteger("paddock.fuzz.frames", DEFAULT_FRAMES);
    List<String> zk = fuzz(CoreKind.ZOOKEEPER, seed(), frames, false);
    List<String> paddock = fuzz(CoreKind.PADDOCK, seed(), frames, false);
    FrameMutator mutator = new FrameMutator(seed());
    Map<String, Integer> differences = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < frames; i++) {
      FrameMutator.Input input = mutator.next();
      if (!zk.get(i).equals(paddock.get(i))) {
        String key = "zookeeper " + zk.get(i) + " / paddock " + paddock.get(i);
        differences.merge(key, 1, Integer::sum);
        if (examples.size() < 10) {
          examples.add(
              "#"
                  + i
                  + " "
                  + input.description()
                  + " "
                  + Frames.hex(input.bytes(), 48)
                  + ": "
                  + key);
        }
      }
    }
    System.out.printf(
        "fuzz seed %d, %d frames: first responses differ on %d%n  %s%n  examples:%n    %s%n",
        seed(),
        frames,
        differences.values().stream().mapToInt(Integer::intValue).sum(),
        differences,
        String.join("\n    ", examples));
  }

  /**
   * Runs the frames against a fresh core of a kind and returns each frame's first response.
   *
   * @param strict whether to check the witness, the sentinel and the connection count
   */
  private List<String> fuzz(CoreKind kind, long seed, int frames, boolean strict) throws Exception {
    List<String> responses = new ArrayList<>();
    try (TestCore core = kind.start(Files.createDirectories(dir.resolve(kind.name())))) {
      ZooKeeper witness = Clients.connect(core.connectString());
      try {
        witness.addAuthInfo("digest", "witness:secret".getBytes(StandardCharsets.UTF_8));
        List<ACL> ownedAcl = new ArrayList<>(Ids.CREATOR_ALL_ACL);
        ownedAcl.add(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
        witness.create(
            FrameMutator.SENTINEL,
            "s".getBytes(StandardCharsets.UTF_8),
            ownedAcl,
            CreateMode.PERSISTENT);
        witness.create(
            FrameMutator.SENTINEL + "/a",
            "a".getBytes(StandardCharsets.UTF_8),
            ownedAcl,
            CreateMode.PERSISTENT);
        witness.create(FrameMutator.SENTINEL + "/b", null, ownedAcl, CreateMode.PERSISTENT);
        witness.create(FrameMutator.SENTINEL + "/b/c", null, ownedAcl, CreateMode.PERSISTENT);
        witness.create(FrameMutator.SENTINEL + "/e", null, ownedAcl, CreateMode.EPHEMERAL);
        witness.create(FrameMutator.SCRATCH, null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        witness.create("/witness", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> sentinel = Clients.digest(witness, FrameMutator.SENTINEL);
        int baseline = connections(core);

        FrameMutator mutator = new FrameMutator(seed);
        for (int i = 0; i < frames; i++) {
          FrameMutator.Input input = mutator.next();
          String where =
              String.format(
                  "%s, seed %d, frame #%d (%s) %s%nreplay: mvn -pl zab-core test"
                      + " -Dtest=FrameFuzzTest -Dpaddock.fuzz.seed=%d -Dpaddock.fuzz.frames=%d",
                  core.name(),
                  seed,
                  i,
                  input.description(),
                  Frames.hex(input.bytes(), 96),
                  seed,
                  i + 1);
          try {
            responses.add(send(core, input));
          } catch (RuntimeException e) {
            if (strict) {
              fail("no answer and no close: " + e.getMessage() + "\n" + where, e);
            }
            responses.add("failed: " + e);
          }
          if (strict && (i + 1) % CHECK_EVERY == 0) {
            check(core, witness, sentinel, baseline, i, where);
          }
        }
        if (strict) {
          check(core, witness, sentinel, baseline, frames, "the end; seed " + seed);
        } else {
          witnessRoundTrip(witness, frames); // both servers at least survive
        }
      } finally {
        Clients.closeQuietly(witness);
      }
    }
    return responses;
  }

  /** Sends one input on a new connection; returns its first response, bounded in time. */
  private static String send(TestCore core, FrameMutator.Input input) {
    try (WireClient w = new WireClient(core.host(), core.port())) {
      if (!input.firstFrame()) {
        w.handshake(WireClient.newSession(1_000));
      }
      w.send(input.bytes());
      if (!decidesAlone(input)) {
        w.shutdownOutput(); // the server waits for more bytes; EOF must make it close
      }
      if (input.firstFrame()) {
        byte[] answer = w.readUntilClosed();
        return answer.length == 0 ? "closed" : "answered";
      }
      byte[] reply = w.readFrame(WireClient.REPLY_WAIT);
      if (reply == null) {
        return "closed";
      }
      return reply.length >= ReplyHeader.ENCODED_BYTES
          ? "reply " + Outcome.codeName(ReplyHeader.read(new JuteReader(reply)).err())
          : "short frame";
    }
  }

  /**
   * True when the bytes alone make the server act: a complete first frame, an out-of-range length,
   * or (first frame) a four-letter word. Otherwise the server rightly waits for more.
   */
  private static boolean decidesAlone(FrameMutator.Input input) {
    byte[] b = input.bytes();
    if (b.length < 4) {
      return false;
    }
    int length = new JuteReader(b, 0, 4).readInt();
    if (input.firstFrame() && FourLetterWords.isKnown(length)) {
      return true;
    }
    return !WireLimits.isFrameLengthValid(length, WireLimits.JUTE_MAX_BUFFER_DEFAULT)
        || b.length - 4 >= length;
  }

  private void check(
      TestCore core, ZooKeeper witness, List<String> sentinel, int baseline, int i, String where)
      throws Exception {
    try {
      witnessRoundTrip(witness, i);
      assertEquals(
          sentinel, Clients.digest(witness, FrameMutator.SENTINEL), "the sentinel changed");
      await()
          .atMost(SETTLE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> connections(core) == baseline);
    } catch (Throwable e) {
      fail("after " + where + ": " + e, e);
    }
  }

  private static void witnessRoundTrip(ZooKeeper witness, int i) throws Exception {
    byte[] data = ("round " + i).getBytes(StandardCharsets.UTF_8);
    Stat set = witness.setData("/witness", data, -1);
    Stat got = new Stat();
    assertArrayEquals(data, witness.getData("/witness", false, got));
    assertEquals(set.getVersion(), got.getVersion());
  }

  /** The {@code Connections:} line of {@code srvr} (whitelisted on both servers by default). */
  private static int connections(TestCore core) {
    try (WireClient w = new WireClient(core.host(), core.port())) {
      w.send("srvr".getBytes(StandardCharsets.US_ASCII));
      String text = new String(w.readUntilClosed(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(l -> l.startsWith("Connections: "))
          .mapToInt(l -> Integer.parseInt(l.substring("Connections: ".length()).trim()))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no Connections line in " + text));
    }
  }
}
