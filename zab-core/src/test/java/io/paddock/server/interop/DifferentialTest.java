package io.paddock.server.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential test: one seeded random operation log, run op by op in lock step through the
 * official client against the reference (Apache ZooKeeper) and the subject, with three sessions
 * interleaved. After every op each session is drained of watch events (a round trip per session),
 * then the reply and the events are compared exactly: result codes, data, children as sets, every
 * stat field except ctime and mtime (zxids relative to the run's root, ephemeral owners as session
 * slots), multi results, and each session's events with their zxids. The first difference fails
 * with the seed, the op index, the op, both replies and a replay hint.
 *
 * <p>Replay one seed: {@code -Dpaddock.diff.seed=N} (and optionally {@code -Dpaddock.diff.ops=M}
 * and {@code -Dpaddock.diff.trace=true}).
 */
class DifferentialTest {
  private static final int SESSIONS = 3;
  private static final int DEFAULT_OPS = 300;
  private static final int SLOW_OPS = 3000;

  /** {@code -Dpaddock.diff.trace=true} prints every op with its reference reply and events. */
  private static final boolean TRACE = Boolean.getBoolean("paddock.diff.trace");

  @TempDir Path dir;

  static Stream<Long> seeds() {
    String only = System.getProperty("paddock.diff.seed");
    if (only != null) {
      return Stream.of(Long.parseLong(only));
    }
    return Stream.of(1L, 2L, 3L);
  }

  static Stream<Long> slowSeeds() {
    return LongStream.rangeClosed(100, 119).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void sameRepliesAndEventsAsZooKeeper(long seed) throws Exception {
    run(seed, Integer.getInteger("paddock.diff.ops", DEFAULT_OPS));
  }

  @Tag("slow")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("slowSeeds")
  void sameRepliesAndEventsAsZooKeeperLong(long seed) throws Exception {
    run(seed, SLOW_OPS);
  }

  private void run(long seed, int opCount) throws Exception {
    try (TestCore refCore =
            CoreKind.REFERENCE.start(Files.createDirectories(dir.resolve("ref" + seed)));
        TestCore subCore =
            CoreKind.SUBJECT.start(Files.createDirectories(dir.resolve("sub" + seed)));
        DiffSide ref = new DiffSide(refCore, SESSIONS);
        DiffSide sub = new DiffSide(subCore, SESSIONS)) {
      ref.createRoot();
      sub.createRoot();
      DiffGenerator generator = new DiffGenerator(seed, SESSIONS);
      for (int i = 0; i < opCount; i++) {
        DiffOp op = generator.next(ref);
        String refReply = op.run(ref);
        List<String> refEvents = ref.drainEvents();
        String subReply = op.run(sub);
        List<String> subEvents = sub.drainEvents();
        if (!refReply.equals(subReply) || !refEvents.equals(subEvents)) {
          fail(
              String.format(
                  "differential mismatch, seed %d, op #%d: %s%n  %s reply:  %s%n  %s reply:  %s%n"
                      + "  %s events: %s%n  %s events: %s%n"
                      + "replay: mvn -pl zab-core test -Dtest=DifferentialTest"
                      + " -Dpaddock.diff.seed=%d -Dpaddock.diff.ops=%d",
                  seed,
                  i,
                  op,
                  ref.name(),
                  refReply,
                  sub.name(),
                  subReply,
                  ref.name(),
                  refEvents,
                  sub.name(),
                  subEvents,
                  seed,
                  i + 1));
        }
        if (TRACE) {
          System.out.printf("#%d %s%n    -> %s %s%n", i, op, refReply, refEvents);
        }
        generator.observe(refReply);
      }
    }
  }
}
