package io.paddock.server.core;

import io.paddock.client.protocol.Request;
import io.paddock.server.core.prep.Footprint;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes logged since the last group commit, and the requests that wait behind them, in the
 * order they arrived. Replies leave in this order once the commit is done.
 */
final class PendingBatch {
  /** What happens once a write is applied. */
  enum Origin {
    /** A client's write: reply by op. */
    CLIENT,
    /** A new session: send the ConnectResponse. */
    CREATE_SESSION,
    /** closeSession from the client: reply (header only), then close the connection. */
    CLOSE_BY_CLIENT,
    /** The session expired: close its connection without a message. */
    EXPIRY,
    /** The container reaper: nobody to answer. */
    REAPER,
    /** A multi whose body did not decode: reply MARSHALLINGERROR; the connection stays open. */
    MALFORMED,
    /**
     * Ensemble: a txn this member did not start for a client of its own (a learner's forwarded
     * request on the leader; another member's txn on a learner): nobody here to answer, but a
     * session's creation or close is tracked.
     */
    REMOTE
  }

  /** One entry, applied or run in order. */
  sealed interface Item permits Write, Held {}

  /**
   * A logged txn.
   *
   * @param header its header
   * @param txn its body
   * @param origin what to do once it is applied
   * @param request the client request it answers, or null
   * @param connection the connection it concerns, or null
   * @param body the request's body (multi results are typed by it), or null
   * @param handshake the handshake a CREATE_SESSION write answers, or null
   */
  record Write(
      TxnHeader header,
      Txn txn,
      Origin origin,
      Inflight request,
      Connection connection,
      Request body,
      Handshake.Pending handshake)
      implements Item {}

  /**
   * A request that waits for the writes before it of the same connection.
   *
   * @param request the request
   * @param event the packet or bad packet to handle once they are applied
   */
  record Held(Inflight request, CoreEvent event) implements Item {}

  private final List<Item> items = new ArrayList<>();
  private final Footprint footprint = new Footprint();
  private int writes;
  private long txnBytes;

  void addWrite(Write w) {
    items.add(w);
    footprint.addChanges(w.txn());
    writes++;
    txnBytes += TxnSizes.estimate(w.txn());
    if (w.connection() != null) {
      w.connection().writeLogged();
    }
  }

  void hold(Held h) {
    items.add(h);
  }

  Footprint footprint() {
    return footprint;
  }

  /** True when a group commit is due before more is logged. */
  boolean isFull() {
    return writes >= CoreLimits.BATCH_WRITES_MAX || txnBytes >= CoreLimits.BATCH_TXN_BYTES_MAX;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  int writes() {
    return writes;
  }

  /** Hands the items over and starts an empty batch. */
  List<Item> drain() {
    List<Item> out = new ArrayList<>(items);
    items.clear();
    footprint.clear();
    writes = 0;
    txnBytes = 0;
    return out;
  }
}
