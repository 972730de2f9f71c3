package io.paddock.recipes;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockException;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.CreateOperation;
import io.paddock.recipes.internal.CreateSpec;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * A create, configured fluently and run by a {@code forPath…} call. Default: PERSISTENT, the
 * framework's default ACL and (without data) default data, no parents made, no protection.
 *
 * <p>Only a protected create ({@link #withProtection()}) is retried after a connection loss, since
 * only it can tell its own node from another's; see {@link #withProtection()}. Not thread-safe; use
 * one builder per create.
 */
public final class CreateBuilder {
  private final FrameworkFacade facade;
  private CreateMode mode = CreateMode.PERSISTENT;
  private long ttlMs = -1;
  private List<Acl> acl;
  private boolean aclToParents;
  private CreateSpec.ParentMode parents = CreateSpec.ParentMode.NONE;
  private boolean protection;
  private boolean orSetData;
  private int setDataVersion = -1;
  private Runnable lostReplyFault;

  CreateBuilder(FrameworkFacade facade) {
    this.facade = facade;
  }

  /** Creates missing parents as persistent nodes. */
  public CreateBuilder creatingParentsIfNeeded() {
    parents = CreateSpec.ParentMode.PERSISTENT;
    return this;
  }

  /**
   * Creates missing parents as container nodes, which the server deletes once their last child is
   * gone (what recipes use for their base paths).
   */
  public CreateBuilder creatingParentContainersIfNeeded() {
    parents = CreateSpec.ParentMode.CONTAINER;
    return this;
  }

  /**
   * Protects the create against lost replies: the node's name gets the prefix {@code _c_<uuid>-}
   * (40 characters); after a connection loss the create is retried (per the retry policy), and each
   * retry first looks for a child of the parent with that prefix and adopts it. An ephemeral node
   * found after the session changed belongs to the dead session: it is deleted, never adopted. When
   * the retries run out, any orphan is deleted in the background.
   */
  public CreateBuilder withProtection() {
    protection = true;
    return this;
  }

  /** The kind of node (default PERSISTENT). */
  public CreateBuilder withMode(CreateMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** The TTL of a PERSISTENT_WITH_TTL or PERSISTENT_SEQUENTIAL_WITH_TTL node. */
  public CreateBuilder withTtl(long ttlMs) {
    if (ttlMs <= 0) {
      throw new IllegalArgumentException("ttlMs must be positive");
    }
    this.ttlMs = ttlMs;
    return this;
  }

  /** The node's ACL (parents get the framework's default ACL). */
  public CreateBuilder withACL(List<Acl> acl) {
    return withACL(acl, false);
  }

  /**
   * The node's ACL.
   *
   * @param applyToParents whether created parents get it too
   */
  public CreateBuilder withACL(List<Acl> acl, boolean applyToParents) {
    if (acl == null || acl.isEmpty()) {
      throw new IllegalArgumentException("the ACL must not be empty");
    }
    this.acl = List.copyOf(acl);
    this.aclToParents = applyToParents;
    return this;
  }

  /** When the node exists, sets its data instead of failing with NodeExists (not sequential). */
  public CreateBuilder orSetData() {
    return orSetData(-1);
  }

  /** As {@link #orSetData()}, the write expecting a data version. */
  public CreateBuilder orSetData(int version) {
    this.orSetData = true;
    this.setDataVersion = version;
    return this;
  }

  /**
   * Test hook: the first create that reaches the server reports ConnectionLoss instead of its
   * result, after running {@code onLoss} (on the client's event thread).
   */
  CreateBuilder simulateLostReply(Runnable onLoss) {
    this.lostReplyFault = java.util.Objects.requireNonNull(onLoss);
    return this;
  }

  /** Creates the node with the default data; returns its actual path. */
  public String forPath(String path) throws PaddockException, InterruptedException {
    return forPath(path, null);
  }

  /** Creates the node; returns its actual path (sequence suffix, protection prefix included). */
  public String forPath(String path, byte[] data) throws PaddockException, InterruptedException {
    return Blocking.await(forPathAsync(path, data));
  }

  /** Creates the node with the default data. */
  public CompletionStage<String> forPathAsync(String path) {
    return forPathAsync(path, null);
  }

  /** Creates the node; the stage holds its actual path. */
  public CompletionStage<String> forPathAsync(String path, byte[] data) {
    return forPathWithStatAsync(path, data).thenApply(CreateResult::path);
  }

  /** Creates the node; returns its actual path and stat (for its czxid, say). */
  public CreateResult forPathWithStat(String path, byte[] data)
      throws PaddockException, InterruptedException {
    return Blocking.await(forPathWithStatAsync(path, data));
  }

  /** Creates the node; the stage holds its actual path and stat. */
  public CompletionStage<CreateResult> forPathWithStatAsync(String path, byte[] data) {
    List<Acl> defaultAcl = facade.core().config().defaultAcl();
    List<Acl> nodeAcl = acl != null ? acl : defaultAcl;
    CreateSpec spec =
        new CreateSpec(
            facade.ns().fix(path),
            data != null ? data : facade.core().config().defaultData(),
            nodeAcl,
            mode,
            ttlMs,
            parents,
            aclToParents ? nodeAcl : defaultAcl,
            protection,
            orSetData,
            setDataVersion,
            facade.ns().root(),
            lostReplyFault);
    return CreateOperation.run(facade.core(), spec)
        .thenApply(r -> new CreateResult(facade.ns().unfix(r.path()), r.stat()));
  }
}
