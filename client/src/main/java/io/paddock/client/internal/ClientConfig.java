package io.paddock.client.internal;

import java.util.concurrent.ThreadFactory;

/**
 * Everything a client is built from, checked by the builder.
 *
 * @param connectString the parsed connect string
 * @param sessionTimeoutMs the session timeout to ask for
 * @param connectionTimeoutMs how long a request made while disconnected waits for a connection
 * @param canBeReadOnly whether read-only servers are acceptable
 * @param sessionId a session to resume, or 0
 * @param sessionPassword that session's password, or null
 * @param threadFactory the factory of the I/O and event threads, or null for daemon threads
 * @param randomSeed the seed of the host shuffle and the reconnect backoff
 * @param maxBufferBytes the client's jute.maxbuffer: the largest reply frame accepted
 * @param clock the monotonic clock of the state machine
 */
public record ClientConfig(
    ConnectString connectString,
    int sessionTimeoutMs,
    int connectionTimeoutMs,
    boolean canBeReadOnly,
    long sessionId,
    byte[] sessionPassword,
    ThreadFactory threadFactory,
    long randomSeed,
    int maxBufferBytes,
    Clock clock) {}
