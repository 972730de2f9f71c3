package io.paddock.server.zab.sim;

import io.paddock.server.zab.PeerTiming;

/**
 * The shape of one simulation run; fault rates are per tick.
 *
 * @param voters voting members
 * @param observers observers
 * @param clients simulated register clients
 * @param opsPerClient the most ops one client issues
 * @param faultTicks length of the fault phase
 * @param faults true to inject faults in the fault phase
 */
record SimConfig(
    int voters, int observers, int clients, int opsPerClient, int faultTicks, boolean faults) {

  /** The peers' timing in the simulator (a tick is a network hop or two). */
  static final PeerTiming TIMING = new PeerTiming(2, 3, 24, 60, 18, 3);

  /** After healing, a leader must commit a write within this many ticks (liveness). */
  static final int LIVENESS_TICKS = 600;

  /** After that write, every member must catch up within this many ticks. */
  static final int CATCH_UP_TICKS = 400;

  /** A client gives up on a reply after this many ticks (the op may or may not have happened). */
  static final int CLIENT_TIMEOUT_TICKS = 40;

  /** The registers the clients use. */
  static final String[] KEYS = {"/r0", "/r1", "/r2"};

  /** A quiet run (no faults) for the happy path. */
  static SimConfig quiet(int voters, int observers) {
    return new SimConfig(voters, observers, 3, 20, 200, false);
  }
}
