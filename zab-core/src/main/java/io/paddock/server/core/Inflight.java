package io.paddock.server.core;

/**
 * A request the core accepted and has not answered yet.
 *
 * @param connection where it came from
 * @param xid the client's xid
 * @param opCode the op
 * @param receivedMs when the transport handed it over (monotonic), for latency
 */
record Inflight(Connection connection, int xid, int opCode, long receivedMs) {}
