package io.paddock.server.interop;

import io.paddock.server.EmbeddedEnsemble;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A 3-voter Paddock ensemble in this JVM (plus one observer when asked), with the client attached
 * to one member that does not lead: a follower, or the observer. Writes therefore travel learner →
 * leader → quorum → learner, and reads are served by the learner — the interop suites check that
 * clients cannot tell the difference from a standalone server.
 */
public final class PaddockEnsembleCore implements TestCore {
  private static final Duration LEADER_WAIT = Duration.ofSeconds(30);
  private final EmbeddedEnsemble ensemble;
  private final long attached;
  private final String name;

  /**
   * Starts the ensemble and picks the member the client talks to.
   *
   * @param dataDir an empty directory the ensemble owns
   * @param settings tick and TTL settings, given to every member
   * @param observer attach to an observer (a fourth member) instead of a follower
   */
  public PaddockEnsembleCore(Path dataDir, CoreSettings settings, boolean observer) {
    ensemble =
        EmbeddedEnsemble.builder()
            .voters(3)
            .observers(observer ? 1 : 0)
            .baseDir(dataDir)
            .tickTimeMs(settings.tickTimeMs())
            .configure(
                b ->
                    b.minSessionTimeoutMs(settings.minSessionTimeoutMs())
                        .maxSessionTimeoutMs(settings.maxSessionTimeoutMs())
                        .extendedTypesEnabled(settings.extendedTypesEnabled())
                        .forceSync(false))
            .build()
            .start();
    long leader = awaitLeader();
    if (observer) {
      attached = 4;
    } else {
      attached =
          ensemble.memberIds().stream()
              .filter(id -> id != leader && id <= 3)
              .findFirst()
              .orElseThrow();
    }
    name = observer ? "paddock-observer" : "paddock-follower";
    awaitServing();
  }

  private long awaitLeader() {
    try {
      return ensemble.awaitLeader(LEADER_WAIT);
    } catch (TimeoutException e) {
      ensemble.close();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the attached member serves. */
  private void awaitServing() {
    long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
    while (ensemble.status(attached).map(s -> !s.isServing()).orElse(true)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("member " + attached + " does not serve");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
    }
  }

  @Override
  public String connectString() {
    return ensemble.connectString(attached);
  }

  @Override
  public void restart() {
    ensemble.restart(attached);
    awaitServing();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void close() {
    ensemble.close();
  }

  @Override
  public String toString() {
    return name;
  }
}
