package io.paddock.store.tree;

import io.paddock.store.model.ErrorCode;
import io.paddock.store.tree.OpResult.Failed;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import io.paddock.store.watch.WatchEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a multi all-or-nothing (§6.3). Each op sees the tree as the earlier ops of the same multi
 * left it (create then setData of the same node works; so does delete then create of the same
 * path). When an op fails the {@link UndoLog} puts the tree back exactly as it was, the digest is
 * restored, no event fires, and every result is a {@link Failed}: OK before the failing op, its
 * code at it, RUNTIMEINCONSISTENCY after it.
 */
final class MultiApplier {
  private final TreeStore store;
  private final WriteOps ops;

  MultiApplier(TreeStore store, WriteOps ops) {
    this.store = store;
    this.ops = ops;
  }

  ApplyResult apply(TxnHeader h, Txn.Multi multi) {
    if (store.undo != null) {
      throw new IllegalStateException("a multi is already being applied");
    }
    List<Txn> list = multi.ops();
    List<OpResult> results = new ArrayList<>(list.size());
    List<WatchEvent> events = new ArrayList<>();
    long digestBefore = store.digest;
    long dataSizeBefore = store.dataSize;
    UndoLog undo = new UndoLog();
    store.undo = undo;
    ErrorCode err = ErrorCode.OK;
    try {
      for (Txn op : list) {
        OpResult r = ops.applyOp(op, h, events);
        if (r instanceof Failed f) {
          err = f.err();
          break;
        }
        results.add(r);
      }
    } catch (RuntimeException e) {
      store.undo = null;
      rollBack(undo, digestBefore, dataSizeBefore, e);
      throw e;
    }
    store.undo = null;
    if (err.isOk()) {
      return new ApplyResult(h.zxid(), ErrorCode.OK, new OpResult.MultiResults(results), events);
    }
    rollBack(undo, digestBefore, dataSizeBefore, null);
    return new ApplyResult(
        h.zxid(),
        err,
        new OpResult.MultiResults(failedResults(list.size(), results.size(), err)),
        List.of());
  }

  private void rollBack(
      UndoLog undo, long digestBefore, long dataSizeBefore, RuntimeException cause) {
    try {
      undo.rollback(store);
      store.digest = digestBefore;
      store.dataSize = dataSizeBefore;
    } catch (RuntimeException e) {
      if (cause == null) {
        throw e;
      }
      cause.addSuppressed(e);
    }
  }

  private static List<OpResult> failedResults(int count, int failedAt, ErrorCode err) {
    List<OpResult> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ErrorCode code =
          i < failedAt ? ErrorCode.OK : i == failedAt ? err : ErrorCode.RUNTIMEINCONSISTENCY;
      out.add(new Failed(code));
    }
    return out;
  }
}
