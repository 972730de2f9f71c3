package io.paddock.store.tree;

import io.paddock.store.model.ErrorCode;
import io.paddock.store.watch.WatchEvent;
import java.util.List;

/**
 * The outcome of {@code DataTree.apply}: the reply's error code, the result body, and the watch
 * events to fire, in ZooKeeper's order. Applying fires nothing itself.
 *
 * @param zxid the txn's zxid (it is consumed even when the write failed)
 * @param err OK on success; the failing code for a failed single op; for a failed multi, the code
 *     of the failing op (the multi reply itself still carries OK, as ZooKeeper's does)
 * @param result the result body
 * @param events the watch events, empty when the write failed
 */
public record ApplyResult(long zxid, ErrorCode err, OpResult result, List<WatchEvent> events) {
  /** Copies the event list. */
  public ApplyResult {
    events = List.copyOf(events);
  }
}
