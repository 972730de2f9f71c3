package io.paddock.examples.demo;

import io.paddock.client.PaddockException;
import io.paddock.recipes.leader.LeaderLatch;
import io.paddock.recipes.leader.Participant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Leader election with a LeaderLatch per application; the leader steps down and one takes over. */
final class LeaderChapter implements TourChapter {
  static final String ELECTION_PATH = "/demo/leader";

  private static final long POLL_MS = 20;

  @Override
  public String title() {
    return "Leader election";
  }

  @Override
  public String shows() {
    return "Each app runs a LeaderLatch on "
        + ELECTION_PATH
        + ": exactly one leads, the others\n"
        + "queue, each watching only the one ahead of it. The leader steps down; the next takes over.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    List<LeaderLatch> latches = new ArrayList<>();
    try {
      for (int app = 1; app <= TourStage.APPS; app++) {
        LeaderLatch latch = new LeaderLatch(stage.app(app), ELECTION_PATH, TourStage.appName(app));
        latches.add(latch);
        latch.start();
      }
      LeaderLatch first = awaitLeader(latches);
      long firstToken = first.leadershipGrant().orElseThrow().token();
      List<Participant> line = first.getParticipants();
      narrator.happened(
          "%s leads (fencing token %d); in line: %s",
          first.getId(),
          firstToken,
          line.stream().skip(1).map(Participant::id).collect(Collectors.joining(", ")));
      narrator.check(
          latches.stream().filter(LeaderLatch::hasLeadership).count() == 1,
          "exactly one app leads");
      long start = System.nanoTime();
      first.close();
      latches.remove(first);
      LeaderLatch second = awaitLeader(latches);
      long secondToken = second.leadershipGrant().orElseThrow().token();
      narrator.happened(
          "%s steps down; %s leads %d ms later (fencing token %d)",
          first.getId(),
          second.getId(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
          secondToken);
      narrator.check(secondToken > firstToken, "the new leader's token is larger");
    } finally {
      latches.forEach(LeaderLatch::close);
    }
  }

  /** Waits until one of the latches leads. */
  static LeaderLatch awaitLeader(List<LeaderLatch> latches) throws InterruptedException {
    long deadline = System.nanoTime() + TourStage.WAIT.toNanos();
    while (System.nanoTime() - deadline < 0) {
      for (LeaderLatch latch : latches) {
        if (latch.await(POLL_MS, TimeUnit.MILLISECONDS)) {
          return latch;
        }
      }
    }
    StringBuilder states = new StringBuilder();
    for (LeaderLatch latch : latches) {
      states.append(
          String.format(" %s: %s at %s;", latch.getId(), latch.getState(), latch.getOurPath()));
    }
    String candidates;
    try {
      candidates = latches.get(0).getParticipants().toString();
    } catch (PaddockException e) {
      candidates = "unknown (" + e.code() + ")";
    }
    throw new TourCheckFailed(
        "a leader within "
            + TourStage.WAIT.toSeconds()
            + " s (latches:"
            + states
            + " candidates on the server: "
            + candidates
            + ")");
  }
}
