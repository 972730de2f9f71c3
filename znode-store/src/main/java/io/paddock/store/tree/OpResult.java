package io.paddock.store.tree;

import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import java.util.List;

/** What applying one txn (or one op of a multi) produced. */
public sealed interface OpResult
    permits OpResult.Created,
        OpResult.Deleted,
        OpResult.DataSet,
        OpResult.AclSet,
        OpResult.Checked,
        OpResult.MultiResults,
        OpResult.SessionCreated,
        OpResult.SessionClosed,
        OpResult.Failed {

  /**
   * A node was created.
   *
   * @param path its actual path, with any sequence suffix
   * @param stat its stat right after the create
   */
  record Created(String path, Stat stat) implements OpResult {}

  /** A node was deleted. */
  record Deleted() implements OpResult {}

  /**
   * Data was set.
   *
   * @param stat the node's stat after the change
   */
  record DataSet(Stat stat) implements OpResult {}

  /**
   * An ACL was set.
   *
   * @param stat the node's stat after the change
   */
  record AclSet(Stat stat) implements OpResult {}

  /** A version check passed. */
  record Checked() implements OpResult {}

  /**
   * The per-op results of a multi, in op order. On failure every entry is {@link Failed}: OK before
   * the failing op, its code at it, RUNTIMEINCONSISTENCY after it.
   *
   * @param results one per op
   */
  record MultiResults(List<OpResult> results) implements OpResult {
    /** Copies the list. */
    public MultiResults {
      results = List.copyOf(results);
    }
  }

  /** A session was opened. */
  record SessionCreated() implements OpResult {}

  /**
   * A session was closed.
   *
   * @param deletedEphemerals the paths of its ephemeral nodes, deleted in this order
   */
  record SessionClosed(List<String> deletedEphemerals) implements OpResult {
    /** Copies the list. */
    public SessionClosed {
      deletedEphemerals = List.copyOf(deletedEphemerals);
    }
  }

  /**
   * An op failed (or, inside a failed multi, did not take effect).
   *
   * @param err the code for this op
   */
  record Failed(ErrorCode err) implements OpResult {}
}
