/**
 * The ZAB protocol core: {@link io.paddock.server.zab.ZabPeer}, a pure single-threaded state
 * machine (fast leader election, discovery, synchronization by DIFF, TRUNC or SNAP, and broadcast),
 * its seams ({@link io.paddock.server.zab.ReplicaStore}, {@link
 * io.paddock.server.zab.ZabTransport}, {@link io.paddock.server.zab.PeerListener}) and its message
 * catalog.
 *
 * <h2>Driving a peer</h2>
 *
 * <ul>
 *   <li>One thread calls everything. For a batch of events call {@code step}, {@code tick}, {@code
 *       propose}, {@code disconnected} as they come, then {@code flush()} once: the flush does the
 *       batch's one {@code ReplicaStore.sync()} and only then sends acks, writes currentEpoch for a
 *       NEWLEADER, commits and applies. Without flushes a follower never acks and nothing commits.
 *   <li>The transport routes {@link io.paddock.server.zab.ZabMessage.Notification} over the lossy
 *       election channel and everything else over one FIFO connection per peer. A lost connection
 *       must be reported to both sides ({@code disconnected}); {@link
 *       io.paddock.server.zab.ZabTransport#disconnect} drops a connection on the peer's request
 *       (protocol error, leader abandoned) and must discard what is still queued on it.
 *   <li>Commits are applied through {@code ReplicaStore.apply} in zxid order; client replies are
 *       computed where the client is attached, when the txn is applied there.
 *   <li>A learner in broadcast forwards client writes with {@code forwardToLeader}; the leader gets
 *       them in {@code PeerListener.onForward} and proposes them. Leader to learner payloads go
 *       with {@code sendToLearner}.
 * </ul>
 *
 * <h2>What the store must guarantee</h2>
 *
 * <ul>
 *   <li>After a restart the store holds only durable data, and its applied state holds only
 *       committed txns (a snapshot, or what was applied before): it must not replay logged txns
 *       into the state machine on recovery, because they may be uncommitted; the peer re-applies
 *       them once a leader says they are committed.
 *   <li>Snapshot bytes are opaque to the peer: what {@code snapshot()} returns on the leader is
 *       handed to {@code installSnapshot} on the learner.
 *   <li>{@code entriesAfter(z, n)} returns null when the log no longer holds every txn after {@code
 *       z} (the learner is then synced by snapshot).
 * </ul>
 */
package io.paddock.server.zab;
