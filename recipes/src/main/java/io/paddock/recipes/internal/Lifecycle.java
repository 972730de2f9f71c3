package io.paddock.recipes.internal;

import java.util.concurrent.atomic.AtomicReference;

/** The lifecycle every recipe and the framework share: LATENT → STARTED → CLOSED, each once. */
public final class Lifecycle {
  /** The states. */
  public enum State {
    /** Built, not started. */
    LATENT,
    /** Started and not yet closed. */
    STARTED,
    /** Closed; it never starts again. */
    CLOSED
  }

  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private final String what;

  /**
   * A lifecycle.
   *
   * @param what the name used in messages
   */
  public Lifecycle(String what) {
    this.what = what;
  }

  /**
   * LATENT → STARTED.
   *
   * @throws IllegalStateException if already started or closed
   */
  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException(what + " cannot be started: it is " + state.get());
    }
  }

  /**
   * → CLOSED.
   *
   * @return true if this call closed it (false if it was closed already)
   */
  public boolean close() {
    return state.getAndSet(State.CLOSED) != State.CLOSED;
  }

  /** The state now. */
  public State state() {
    return state.get();
  }

  /** True while STARTED. */
  public boolean isStarted() {
    return state.get() == State.STARTED;
  }

  /**
   * Checks the STARTED state.
   *
   * @throws IllegalStateException otherwise
   */
  public void checkStarted() {
    State s = state.get();
    if (s != State.STARTED) {
      throw new IllegalStateException(what + " is " + s + ", not STARTED");
    }
  }
}
