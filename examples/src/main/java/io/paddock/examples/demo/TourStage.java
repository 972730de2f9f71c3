package io.paddock.examples.demo;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.RetryPolicy;
import io.paddock.recipes.atomic.DistributedAtomicLong;
import io.paddock.server.EmbeddedEnsemble;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the tour plays on: a 3-member embedded ensemble in a temporary directory, three application
 * processes ({@code app-1..3}, each a framework over every member, as real clients would be), an
 * operator's framework, and any further frameworks a chapter asks for. Closes everything it made,
 * newest first, then the ensemble (which deletes its directory).
 */
final class TourStage implements AutoCloseable {
  /** Members of the ensemble. */
  static final int MEMBERS = 3;

  /** Application processes. */
  static final int APPS = 3;

  /** Session timeout of the applications: long enough to ride out a leader change. */
  static final int APP_SESSION_TIMEOUT_MS = 15_000;

  /**
   * Session timeout of a process that lives next to one member (the smallest the ensemble grants:
   * two ticks of 2 s), so the tour need not wait long for its session to expire once that member
   * dies.
   */
  static final int LOCAL_SESSION_TIMEOUT_MS = 4_000;

  /** How long anything that should happen soon may take (generous for a loaded 2-core machine). */
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final int RETRIES = 10;
  private static final int RETRY_SLEEP_MS = 200;

  private final EmbeddedEnsemble ensemble;
  private final List<PaddockFramework> frameworks = new ArrayList<>();
  private final List<PaddockFramework> apps = new ArrayList<>();
  private PaddockFramework operator;
  private long leaderMemberId;

  private TourStage(EmbeddedEnsemble ensemble) {
    this.ensemble = ensemble;
  }

  /** Starts the ensemble and waits for its leader; connects the operator and the apps. */
  static TourStage open() throws InterruptedException, TimeoutException {
    EmbeddedEnsemble ensemble = EmbeddedEnsemble.builder().voters(MEMBERS).build();
    TourStage stage = new TourStage(ensemble);
    try {
      ensemble.start();
      stage.leaderMemberId = ensemble.awaitLeader(WAIT);
      // Every process connects at once, as they would when started side by side.
      stage.operator = stage.startConnecting(ensemble.connectString(), APP_SESSION_TIMEOUT_MS);
      for (int i = 0; i < APPS; i++) {
        stage.apps.add(stage.startConnecting(ensemble.connectString(), APP_SESSION_TIMEOUT_MS));
      }
      awaitConnected(stage.operator);
      for (PaddockFramework app : stage.apps) {
        awaitConnected(app);
      }
      return stage;
    } catch (InterruptedException | TimeoutException | RuntimeException e) {
      stage.close();
      throw e;
    }
  }

  /** The ensemble. */
  EmbeddedEnsemble ensemble() {
    return ensemble;
  }

  /** The member that led when the stage opened. */
  long firstLeaderMemberId() {
    return leaderMemberId;
  }

  /** The operator's framework (sets things up, publishes config, produces work). */
  PaddockFramework operator() {
    return operator;
  }

  /** Application process {@code number} (1-based). */
  PaddockFramework app(int number) {
    return apps.get(number - 1);
  }

  /** The name of application process {@code number}. */
  static String appName(int number) {
    return "app-" + number;
  }

  /** A new process connected to every member (closed with the stage). */
  PaddockFramework newApp() throws InterruptedException {
    return connect(ensemble.connectString(), APP_SESSION_TIMEOUT_MS);
  }

  /**
   * A new process that talks to member {@code memberId} only, as if it ran on that member's
   * machine: when the member dies, the process is cut off and its session expires.
   */
  PaddockFramework newProcessNextTo(long memberId) throws InterruptedException {
    return connect(ensemble.connectString(memberId), LOCAL_SESSION_TIMEOUT_MS);
  }

  private PaddockFramework connect(String connectString, int sessionTimeoutMs)
      throws InterruptedException {
    return awaitConnected(startConnecting(connectString, sessionTimeoutMs));
  }

  /** A started framework, maybe not connected yet (closed with the stage). */
  private synchronized PaddockFramework startConnecting(
      String connectString, int sessionTimeoutMs) {
    PaddockFramework framework =
        PaddockFramework.builder()
            .connectString(connectString)
            .sessionTimeoutMs(sessionTimeoutMs)
            .connectionTimeoutMs(sessionTimeoutMs)
            .retryPolicy(new RetryNTimes(RETRIES, RETRY_SLEEP_MS))
            .build();
    frameworks.add(framework);
    framework.start();
    return framework;
  }

  private static PaddockFramework awaitConnected(PaddockFramework framework)
      throws InterruptedException {
    if (!framework.blockUntilConnected(WAIT)) {
      throw new TourCheckFailed("a client to connect within " + WAIT.toSeconds() + " s");
    }
    return framework;
  }

  /**
   * A counter's value as the leader knows it: reads are served by the member a client talks to,
   * which may not have applied the other clients' latest writes yet, so {@code sync} first.
   */
  static long readLatest(PaddockFramework framework, String counterPath, RetryPolicy retryPolicy)
      throws Exception {
    framework
        .client()
        .sync(framework.fullPath(counterPath))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return new DistributedAtomicLong(framework, counterPath, retryPolicy).get().postValue();
  }

  /** Closes every framework (newest first), then the ensemble. */
  @Override
  public synchronized void close() {
    List<PaddockFramework> reversed = new ArrayList<>(frameworks);
    Collections.reverse(reversed);
    frameworks.clear();
    for (PaddockFramework framework : reversed) {
      framework.close();
    }
    ensemble.close();
  }
}
