package io.paddock.store.txn;

/**
 * What every txn carries besides its body: who asked, the client's xid, the zxid the leader
 * assigned, the leader's wall clock when it prepared the txn, and the op code.
 *
 * <p>The time travels inside the txn so that applying it reads no clock: every replica computes the
 * same ctime and mtime.
 *
 * @param sessionId the session that issued the request (for session txns, the session itself)
 * @param cxid the client's xid, echoed in the reply; 0 for txns the server makes itself
 * @param zxid the zxid the txn was assigned
 * @param timeMs ms since the epoch, read by the leader when it prepared the txn
 * @param type the {@link io.paddock.store.model.OpCode} of the request
 */
public record TxnHeader(long sessionId, int cxid, long zxid, long timeMs, int type) {}
