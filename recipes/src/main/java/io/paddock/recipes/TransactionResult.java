package io.paddock.recipes;

import io.paddock.store.model.Stat;

/**
 * The result of one op of a committed transaction, in op order.
 *
 * @param type what the op did
 * @param forPath the path the op named (this facade's path)
 * @param resultPath the created node's actual path for a create (sequence suffix included), else
 *     {@code forPath}
 * @param resultStat the new stat for a create or setData, else null
 */
public record TransactionResult(Type type, String forPath, String resultPath, Stat resultStat) {
  /** The kinds of op. */
  public enum Type {
    /** A create. */
    CREATE,
    /** A delete. */
    DELETE,
    /** A setData. */
    SET_DATA,
    /** A version check. */
    CHECK
  }
}
