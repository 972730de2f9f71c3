package io.paddock.server.core.fourletter;

import java.net.InetSocketAddress;

/**
 * One client connection as {@code cons} and {@code stat} show it (ZooKeeper's {@code
 * ServerCnxn.dumpConnectionInfo}).
 *
 * @param remote the client's address
 * @param interestOps the selection-key interest set ZooKeeper prints in brackets (1 = reading)
 * @param queued requests received and not yet answered
 * @param received packets received
 * @param sent packets sent
 * @param sessionId the session, 0 before the handshake finished (then the session fields are
 *     omitted)
 * @param lastOp the tag of the last answered op ({@code NA} before any)
 * @param establishedMs when the connection was accepted, ms since the epoch
 * @param timeoutMs the negotiated session timeout
 * @param lastCxid the xid of the last answered request, −1 before any (then omitted)
 * @param lastZxid the zxid of the last reply, −1 before any
 * @param lastResponseMs when the last reply was sent, ms since the epoch (0 before any)
 * @param lastLatencyMs latency of the last request
 * @param minLatencyMs the smallest latency (0 before any)
 * @param avgLatencyMs the average latency, truncated to whole ms as ZooKeeper prints it
 * @param maxLatencyMs the largest latency
 */
public record ConnectionInfo(
    InetSocketAddress remote,
    int interestOps,
    long queued,
    long received,
    long sent,
    long sessionId,
    String lastOp,
    long establishedMs,
    int timeoutMs,
    long lastCxid,
    long lastZxid,
    long lastResponseMs,
    long lastLatencyMs,
    long minLatencyMs,
    long avgLatencyMs,
    long maxLatencyMs) {}
