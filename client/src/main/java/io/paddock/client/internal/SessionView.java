package io.paddock.client.internal;

import io.paddock.client.ConnectionState;

/**
 * What other threads may read of the session: the last published state, id, password and negotiated
 * timeout. The I/O thread writes it on every state change, before it announces the change or fails
 * the calls the change concerns; anyone may wait on it without the event thread.
 */
final class SessionView {
  private final Object monitor = new Object();
  private volatile ConnectionState state = ConnectionState.CONNECTING;
  private volatile long sessionId;
  private volatile byte[] password;
  private volatile int negotiatedTimeoutMs;

  SessionView(SessionStateMachine machine) {
    this.sessionId = machine.sessionId();
    this.password = machine.password();
  }

  /** Copies the machine's session and state, and wakes the waiters. */
  void update(SessionStateMachine machine) {
    sessionId = machine.sessionId();
    password = machine.password();
    negotiatedTimeoutMs = machine.negotiatedTimeoutMs();
    state = machine.state();
    synchronized (monitor) {
      monitor.notifyAll();
    }
  }

  ConnectionState state() {
    return state;
  }

  long sessionId() {
    return sessionId;
  }

  byte[] password() {
    return password.clone();
  }

  int negotiatedTimeoutMs() {
    return negotiatedTimeoutMs;
  }

  /**
   * Waits until the state is connected or terminal, or the time is up.
   *
   * @return the state at the end of the wait
   */
  ConnectionState awaitConnectedOrTerminal(long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    synchronized (monitor) {
      while (!state.isConnected() && !state.isTerminal()) {
        long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
        if (leftMs <= 0) {
          break;
        }
        monitor.wait(leftMs);
      }
      return state;
    }
  }
}
