package io.paddock.recipes;

import io.paddock.client.Op;
import io.paddock.client.OpResult;
import io.paddock.client.Ops;
import io.paddock.client.PaddockException;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.RetryLoop;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A transaction: write ops applied atomically by one multi, with typed results. Paths are this
 * facade's (the namespace is added). A transaction is never retried after a connection loss: it may
 * or may not have been applied, and only the caller can tell. A failure is the PaddockException of
 * the first failing op, carrying every op's result. Not thread-safe.
 *
 * <p>A fencing guard ({@code lock.guard()}) is just an op: put it first with {@link #add(Op)}.
 */
public final class TransactionBuilder {
  private final FrameworkFacade facade;
  private final List<Op> ops = new ArrayList<>();

  TransactionBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Adds a persistent create with the default ACL. */
  public TransactionBuilder create(String path, byte[] data) {
    return create(path, data, CreateMode.PERSISTENT);
  }

  /** Adds a create of a mode, with the default ACL. */
  public TransactionBuilder create(String path, byte[] data, CreateMode mode) {
    return create(path, data, mode, facade.core().config().defaultAcl());
  }

  /** Adds a create of a mode and ACL. */
  public TransactionBuilder create(String path, byte[] data, CreateMode mode, List<Acl> acl) {
    return add(new Op.Create(path, data, acl, mode, -1));
  }

  /** Adds an unconditional delete. */
  public TransactionBuilder delete(String path) {
    return delete(path, -1);
  }

  /** Adds a delete expecting a data version. */
  public TransactionBuilder delete(String path, int version) {
    return add(new Op.Delete(path, version));
  }

  /** Adds an unconditional setData. */
  public TransactionBuilder setData(String path, byte[] data) {
    return setData(path, data, -1);
  }

  /** Adds a setData expecting a data version. */
  public TransactionBuilder setData(String path, byte[] data, int version) {
    return add(new Op.SetData(path, data, version));
  }

  /** Adds an existence check. */
  public TransactionBuilder check(String path) {
    return check(path, -1);
  }

  /** Adds a data-version check. */
  public TransactionBuilder check(String path, int version) {
    return add(new Op.Check(path, version));
  }

  /**
   * Adds a write op whose path is this facade's (a guard, say).
   *
   * @throws IllegalArgumentException for a read op
   * @throws IllegalStateException beyond {@link Ops#OPS_MAX} ops
   */
  public TransactionBuilder add(Op op) {
    Objects.requireNonNull(op, "op");
    if (op.isRead()) {
      throw new IllegalArgumentException("a transaction takes write ops only: " + op);
    }
    if (ops.size() >= Ops.OPS_MAX) {
      throw new IllegalStateException("a transaction holds at most " + Ops.OPS_MAX + " ops");
    }
    ops.add(op);
    return this;
  }

  /** Commits; returns every op's result in op order. */
  public List<TransactionResult> commit() throws PaddockException, InterruptedException {
    return Blocking.await(commitAsync());
  }

  /** Commits; the stage holds every op's result in op order. */
  public CompletionStage<List<TransactionResult>> commitAsync() {
    List<Op> fixed = ops.stream().map(this::fix).toList();
    List<Op> named = List.copyOf(ops);
    return RetryLoop.run(facade.core(), false, (client, attempt) -> client.multi(fixed))
        .thenApply(results -> toResults(named, results));
  }

  private Op fix(Op op) {
    String full = facade.ns().fix(op.path());
    if (op instanceof Op.Create c) {
      return new Op.Create(full, c.data(), c.acl(), c.mode(), c.ttlMs());
    }
    if (op instanceof Op.Delete d) {
      return new Op.Delete(full, d.version());
    }
    if (op instanceof Op.SetData s) {
      return new Op.SetData(full, s.data(), s.version());
    }
    if (op instanceof Op.Check c) {
      return new Op.Check(full, c.version());
    }
    throw new IllegalArgumentException("not a write op: " + op);
  }

  private List<TransactionResult> toResults(List<Op> named, List<OpResult> results) {
    if (results.size() != named.size()) {
      throw new IllegalStateException(
          "the multi answered " + results.size() + " results for " + named.size() + " ops");
    }
    List<TransactionResult> out = new ArrayList<>(named.size());
    for (int i = 0; i < named.size(); i++) {
      Op op = named.get(i);
      out.add(toResult(op, results.get(i)));
    }
    return out;
  }

  private TransactionResult toResult(Op op, OpResult r) {
    if (r instanceof OpResult.Create c) {
      return new TransactionResult(
          TransactionResult.Type.CREATE, op.path(), facade.ns().unfix(c.path()), c.stat());
    }
    if (r instanceof OpResult.Delete) {
      return new TransactionResult(TransactionResult.Type.DELETE, op.path(), op.path(), null);
    }
    if (r instanceof OpResult.SetData s) {
      return new TransactionResult(TransactionResult.Type.SET_DATA, op.path(), op.path(), s.stat());
    }
    if (r instanceof OpResult.Check) {
      return new TransactionResult(TransactionResult.Type.CHECK, op.path(), op.path(), null);
    }
    throw new IllegalStateException("unexpected multi result " + r);
  }
}
