package io.paddock.server.core.fourletter;

/**
 * The numbers {@code srvr} and {@code stat} print (ZooKeeper's {@code ServerStats.toString} plus
 * the node count).
 *
 * @param version the full version string
 * @param minLatencyMs the smallest request latency
 * @param avgLatencyMs the average request latency, rounded to four decimals
 * @param maxLatencyMs the largest request latency
 * @param received packets received
 * @param sent packets sent
 * @param connections live client connections
 * @param outstanding requests accepted and not answered
 * @param zxid the last applied zxid
 * @param mode {@code standalone}, {@code leader}, {@code follower}, {@code observer}
 * @param nodeCount ZooKeeper's node count (the root counted twice, as ZooKeeper's map holds it
 *     under "" and "/")
 */
public record ServerSummary(
    String version,
    long minLatencyMs,
    double avgLatencyMs,
    long maxLatencyMs,
    long received,
    long sent,
    int connections,
    int outstanding,
    long zxid,
    String mode,
    int nodeCount) {}
