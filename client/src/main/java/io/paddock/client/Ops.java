package io.paddock.client;

import io.paddock.client.protocol.WireLimits;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small fluent builder of {@link Op} lists for {@link PaddockClient#multi} and {@link
 * PaddockClient#multiRead}:
 *
 * <pre>{@code
 * client.multi(Ops.builder()
 *     .check("/config", 3)
 *     .setData("/config/a", bytes, -1)
 *     .create("/config/b", bytes, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)
 *     .build());
 * }</pre>
 *
 * <p>Not thread-safe. A list holds at most {@link #OPS_MAX} ops.
 */
public final class Ops {
  /** The most ops one list may hold (the wire decoder's bound). */
  public static final int OPS_MAX = WireLimits.MULTI_OPS_MAX;

  private final List<Op> ops = new ArrayList<>();

  private Ops() {}

  /** A new, empty builder. */
  public static Ops builder() {
    return new Ops();
  }

  /** Adds a create without TTL; see {@link Op.Create}. */
  public Ops create(String path, byte[] data, List<Acl> acl, CreateMode mode) {
    return add(new Op.Create(path, data, acl, mode, -1));
  }

  /** Adds a create of one of the TTL modes; see {@link Op.Create}. */
  public Ops createWithTtl(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs) {
    return add(new Op.Create(path, data, acl, mode, ttlMs));
  }

  /** Adds a delete; see {@link Op.Delete}. */
  public Ops delete(String path, int version) {
    return add(new Op.Delete(path, version));
  }

  /** Adds a setData; see {@link Op.SetData}. */
  public Ops setData(String path, byte[] data, int version) {
    return add(new Op.SetData(path, data, version));
  }

  /** Adds a version check; see {@link Op.Check}. */
  public Ops check(String path, int version) {
    return add(new Op.Check(path, version));
  }

  /** Adds a getData (multiRead only). */
  public Ops getData(String path) {
    return add(new Op.GetData(path));
  }

  /** Adds a getChildren (multiRead only). */
  public Ops getChildren(String path) {
    return add(new Op.GetChildren(path));
  }

  /**
   * Adds any op.
   *
   * @throws IllegalStateException when the list already holds {@link #OPS_MAX} ops
   */
  public Ops add(Op op) {
    Objects.requireNonNull(op, "op");
    if (ops.size() >= OPS_MAX) {
      throw new IllegalStateException("a multi holds at most " + OPS_MAX + " ops");
    }
    ops.add(op);
    return this;
  }

  /** The ops so far, as an unmodifiable copy. */
  public List<Op> build() {
    return List.copyOf(ops);
  }
}
