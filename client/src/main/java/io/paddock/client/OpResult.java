package io.paddock.client;

import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import java.util.List;

/**
 * The result of one {@link Op} of a multi or multiRead, in op order.
 *
 * <p>A failed multi reports every op as an {@link Error}: {@link ErrorCode#OK} before the failing
 * op, its code at it, {@link ErrorCode#RUNTIMEINCONSISTENCY} after it. A multiRead reports each op
 * on its own: data or children where the read worked, an {@link Error} where it did not.
 */
public sealed interface OpResult {
  /**
   * A create worked.
   *
   * @param path the actual path (sequence suffix included, chroot stripped)
   * @param stat the new node's stat
   */
  record Create(String path, Stat stat) implements OpResult {}

  /** A delete worked. */
  record Delete() implements OpResult {}

  /**
   * A setData worked.
   *
   * @param stat the node's stat after the change
   */
  record SetData(Stat stat) implements OpResult {}

  /** A version check passed. */
  record Check() implements OpResult {}

  /**
   * A getData of a multiRead worked. The array is not copied.
   *
   * @param data the node's data, may be null
   * @param stat the node's stat
   */
  record GetData(byte[] data, Stat stat) implements OpResult {}

  /**
   * A getChildren of a multiRead worked.
   *
   * @param children the child names
   */
  record GetChildren(List<String> children) implements OpResult {}

  /**
   * An op failed, or did not take effect because another op of the multi failed.
   *
   * @param code the error code ({@link ErrorCode#SYSTEMERROR} for a code this client does not know)
   */
  record Error(ErrorCode code) implements OpResult {}
}
