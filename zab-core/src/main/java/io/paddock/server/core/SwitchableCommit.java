package io.paddock.server.core;

import java.util.Collection;
import java.util.Set;

/**
 * The commit stage an ensemble member's pipeline talks to: it forwards to the stage of the role the
 * member has now ({@link LeaderCommit} or {@link LearnerCommit}), so that a member changing role
 * keeps its connections, watches and sessions and only swaps how writes are committed.
 */
final class SwitchableCommit implements CommitStage {
  private CommitStage current;

  SwitchableCommit(CommitStage initial) {
    this.current = initial;
  }

  CommitStage current() {
    return current;
  }

  void switchTo(CommitStage next) {
    current = next;
  }

  @Override
  public void log(PendingBatch.Write write) {
    current.log(write);
  }

  @Override
  public void log(PendingBatch.Write write, Collection<String> alsoChanged) {
    current.log(write, alsoChanged);
  }

  @Override
  public void hold(PendingBatch.Held held) {
    current.hold(held);
  }

  @Override
  public boolean mustCommitBefore(Set<String> reads) {
    return current.mustCommitBefore(reads);
  }

  @Override
  public boolean hasPending() {
    return current.hasPending();
  }

  @Override
  public void commitNow() {
    current.commitNow();
  }

  @Override
  public boolean commitsSynchronously() {
    return current.commitsSynchronously();
  }

  @Override
  public void park(Runnable work, boolean fromClient) {
    current.park(work, fromClient);
  }

  @Override
  public boolean isGateClosed() {
    return current.isGateClosed();
  }

  @Override
  public boolean forwardsWrites() {
    return current.forwardsWrites();
  }
}
