package io.paddock.client;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.util.List;

/**
 * One operation of a {@link PaddockClient#multi multi} (write ops, applied atomically) or a {@link
 * PaddockClient#multiRead multiRead} (read ops, each on its own). Build lists with {@link Ops}.
 *
 * <p>Paths are client paths (the chroot is added on the way out); they are validated when the multi
 * is sent.
 */
public sealed interface Op {
  /** The client path the op acts on. */
  String path();

  /** True for the read ops ({@link GetData}, {@link GetChildren}) that only multiRead takes. */
  default boolean isRead() {
    return this instanceof GetData || this instanceof GetChildren;
  }

  /**
   * Creates a node; its result is an {@link OpResult.Create} with the stat.
   *
   * @param path the path (a sequential mode appends the suffix)
   * @param data the data, may be null
   * @param acl the ACL, not empty
   * @param mode the kind of node
   * @param ttlMs the TTL for the two TTL modes, −1 otherwise
   */
  record Create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs)
      implements Op {}

  /**
   * Deletes a node.
   *
   * @param path the path
   * @param version the expected data version, −1 for any
   */
  record Delete(String path, int version) implements Op {}

  /**
   * Sets a node's data.
   *
   * @param path the path
   * @param data the new data, may be null
   * @param version the expected data version, −1 for any
   */
  record SetData(String path, byte[] data, int version) implements Op {}

  /**
   * Checks a node's data version without changing anything (fails the multi on a mismatch).
   *
   * @param path the path
   * @param version the expected data version, −1 for any (then only existence is checked)
   */
  record Check(String path, int version) implements Op {}

  /**
   * Reads a node's data (multiRead only).
   *
   * @param path the path
   */
  record GetData(String path) implements Op {}

  /**
   * Lists a node's children (multiRead only).
   *
   * @param path the path
   */
  record GetChildren(String path) implements Op {}
}
