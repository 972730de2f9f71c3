package io.paddock.server.core;

import io.paddock.server.core.fourletter.FourLetterText;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One round of the state thread (DESIGN 3): every event of the batch in order — handshakes,
 * requests, disconnects, four-letter words — then the group commit of what they logged (apply,
 * notify, reply, run the requests that waited), the timed work, one flush per touched connection,
 * and finally the barriers that waited for the round.
 */
final class Pipeline {
  private final CoreState state;
  private final GroupCommit commit;
  private final Handshake handshake;
  private final Dispatcher dispatcher;
  private final Housekeeping housekeeping;
  private final FourLetterRunner fourLetter;
  private final List<CompletableFuture<Void>> barriers = new ArrayList<>();

  Pipeline(CoreState state, String hostName) {
    this.state = state;
    this.commit =
        new GroupCommit(state, p -> handshake().sessionCreated(p), h -> dispatcher().runHeld(h));
    this.handshake = new Handshake(state, commit);
    this.dispatcher = new Dispatcher(state, commit);
    this.housekeeping = new Housekeeping(state, commit);
    this.fourLetter = new FourLetterRunner(state, hostName);
  }

  private Handshake handshake() {
    return handshake;
  }

  private Dispatcher dispatcher() {
    return dispatcher;
  }

  FourLetterRunner fourLetter() {
    return fourLetter;
  }

  /**
   * Processes one batch of events and the work that follows it.
   *
   * @return true when a {@link CoreEvent.Stop} was among them: the loop must end
   */
  boolean round(List<CoreEvent> events) {
    boolean stop = false;
    for (CoreEvent event : events) {
      stop |= handle(event);
    }
    commit.commitNow();
    housekeeping.run();
    state.outbox.flushTouched();
    barriers.forEach(b -> b.complete(null));
    barriers.clear();
    return stop;
  }

  private boolean handle(CoreEvent event) {
    if (event instanceof CoreEvent.Packet p) {
      dispatcher.onPacket(p);
    } else if (event instanceof CoreEvent.Connect c) {
      handshake.onConnect(c);
    } else if (event instanceof CoreEvent.BadPacket b) {
      dispatcher.onBadPacket(b);
    } else if (event instanceof CoreEvent.Disconnect d) {
      dispatcher.onDisconnect(d);
    } else if (event instanceof CoreEvent.FourLetter f) {
      answerFourLetter(f);
    } else if (event instanceof CoreEvent.Barrier b) {
      barriers.add(b.done());
    } else if (event instanceof CoreEvent.Stop) {
      return true;
    }
    return false;
  }

  private void answerFourLetter(CoreEvent.FourLetter f) {
    try {
      f.result().complete(fourLetter.run(f.command()));
    } catch (RuntimeException e) {
      f.result().completeExceptionally(e);
    }
  }

  /** How long the loop may wait for events before timed work is due. */
  long msUntilDue() {
    return commit.hasPending() ? 0 : housekeeping.msUntilDue();
  }

  /**
   * The orderly end: applies what is logged, then closes every connection without a message (the
   * sessions stay on disk for the next start) and completes the waiting barriers.
   */
  void shutdown() {
    commit.commitNow();
    state.outbox.flushTouched();
    for (Connection c : new ArrayList<>(state.connections())) {
      state.outbox.close(c);
      state.removeConnection(c);
    }
    barriers.forEach(b -> b.complete(null));
    barriers.clear();
  }

  /** Fails whatever waits on the loop after it died. */
  void abandon(Throwable cause) {
    for (Connection c : new ArrayList<>(state.connections())) {
      c.markClosed();
      c.channel.close();
    }
    barriers.forEach(b -> b.completeExceptionally(cause));
    barriers.clear();
  }

  /** The text for a four-letter word asked after the core stopped. */
  static String notServing(String command) {
    return "ruok".equals(command) ? FourLetterText.IMOK : FourLetterText.NOT_SERVING;
  }
}
