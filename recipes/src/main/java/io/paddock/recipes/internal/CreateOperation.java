package io.paddock.recipes.internal;

import io.paddock.client.CreateResult;
import io.paddock.client.PaddockClient;
import io.paddock.client.PaddockException;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one create with its options: missing parents (persistent or containers), protection, and
 * orSetData.
 *
 * <p>Protection: the node's name gets the prefix {@code _c_<uuid>-}. Only a protected create is
 * retried after a connection loss: each retry first lists the parent and adopts a child with our
 * prefix (its create reached the server and only the reply was lost). When the node is ephemeral
 * and the session changed since the first attempt, the found node belongs to a dead session: it is
 * deleted (guaranteed) and the create starts again with a fresh UUID. When the retries run out on a
 * connection loss, a background job finds and deletes any orphan.
 */
public final class CreateOperation {
  private final FrameworkCore core;
  private final CreateSpec spec;
  private final AtomicBoolean faultPending;
  private volatile String protectedPrefix;
  private volatile long firstSessionId;

  private CreateOperation(FrameworkCore core, CreateSpec spec) {
    this.core = core;
    this.spec = spec;
    this.faultPending = new AtomicBoolean(spec.lostReplyFault() != null);
    this.protectedPrefix = newPrefix();
  }

  /** Runs a create; the result carries the server path. */
  public static CompletableFuture<CreateResult> run(FrameworkCore core, CreateSpec spec) {
    if (spec.orSetData() && spec.mode().isSequential()) {
      throw new IllegalArgumentException("orSetData cannot be used with a sequential mode");
    }
    if (spec.mode().isTtl() != (spec.ttlMs() > 0)) {
      throw new IllegalArgumentException(
          "a TTL (withTtl) is needed for the TTL modes and only for them: "
              + spec.mode()
              + ", ttlMs "
              + spec.ttlMs());
    }
    ZnodePaths.validate(spec.fullPath());
    return new CreateOperation(core, spec).start();
  }

  /** The name prefix of a protected node: {@code _c_} + UUID + {@code -}. */
  public static String newPrefix() {
    return FrameworkLimits.PROTECTED_PREFIX + UUID.randomUUID() + "-";
  }

  /** True if a node name carries a protection prefix. */
  public static boolean isProtected(String name) {
    return name.length() >= FrameworkLimits.PROTECTED_PREFIX_LENGTH
        && name.startsWith(FrameworkLimits.PROTECTED_PREFIX)
        && name.charAt(FrameworkLimits.PROTECTED_PREFIX_LENGTH - 1) == '-';
  }

  /** A node name without its protection prefix (unchanged when it has none). */
  public static String stripProtection(String name) {
    return isProtected(name) ? name.substring(FrameworkLimits.PROTECTED_PREFIX_LENGTH) : name;
  }

  private CompletableFuture<CreateResult> start() {
    CompletableFuture<CreateResult> result = RetryLoop.run(core, spec.protection(), this::attempt);
    if (spec.protection()) {
      result.whenComplete(
          (r, failure) -> {
            if (failure != null && Failures.is(failure, ErrorCode.CONNECTIONLOSS)) {
              core.deletes()
                  .deleteChildrenWithPrefix(ZnodePaths.parent(spec.fullPath()), protectedPrefix);
            }
          });
    }
    return result;
  }

  private String targetPath() {
    if (!spec.protection()) {
      return spec.fullPath();
    }
    String parent = ZnodePaths.parent(spec.fullPath());
    return ZnodePaths.child(parent, protectedPrefix + ZnodePaths.name(spec.fullPath()));
  }

  private CompletableFuture<CreateResult> attempt(PaddockClient client, int attempt) {
    if (firstSessionId == 0) {
      firstSessionId = client.sessionId();
    }
    if (!spec.protection() || attempt == 0) {
      return createWithParents(client, 0);
    }
    return findOurs(client)
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                return createWithParents(client, 0);
              }
              String path = found.get();
              boolean sessionChanged =
                  client.sessionId() != firstSessionId || client.sessionId() == 0;
              if (spec.mode().isEphemeral() && sessionChanged) {
                // CURATOR-498: the node belongs to a session that is gone; never adopt it
                core.deletes().delete(path, -1);
                protectedPrefix = newPrefix();
                firstSessionId = client.sessionId();
                return createWithParents(client, 0);
              }
              return client
                  .exists(path)
                  .thenCompose(
                      stat ->
                          stat == null
                              ? createWithParents(client, 0)
                              : CompletableFuture.completedFuture(new CreateResult(path, stat)));
            });
  }

  private CompletableFuture<Optional<String>> findOurs(PaddockClient client) {
    String parent = ZnodePaths.parent(spec.fullPath());
    String prefix = protectedPrefix;
    return client
        .getChildren(parent)
        .thenApply(
            children ->
                children.stream()
                    .filter(c -> c.startsWith(prefix))
                    .findFirst()
                    .map(c -> ZnodePaths.child(parent, c)))
        .exceptionallyCompose(
            e ->
                Failures.is(e, ErrorCode.NONODE)
                    ? CompletableFuture.completedFuture(Optional.empty())
                    : Failures.failed(e));
  }

  private CompletableFuture<CreateResult> createWithParents(PaddockClient client, int parentTries) {
    String path = targetPath();
    return rawCreate(client, path)
        .exceptionallyCompose(
            e -> {
              Throwable cause = Failures.unwrap(e);
              if (!(cause instanceof PaddockException pe)) {
                return Failures.failed(cause);
              }
              if (pe.code() == ErrorCode.NONODE
                  && parentTries < FrameworkLimits.PARENT_CREATE_ATTEMPTS_MAX
                  && canMakeParents(path)) {
                // a container parent may be reaped between its creation and ours: try again
                return makeParents(client, ZnodePaths.parent(path))
                    .exceptionallyCompose(
                        pe2 ->
                            Failures.is(pe2, ErrorCode.NONODE)
                                ? CompletableFuture.completedFuture(null)
                                : Failures.failed(pe2))
                    .thenCompose(v -> createWithParents(client, parentTries + 1));
              }
              if (pe.code() == ErrorCode.NODEEXISTS && spec.orSetData()) {
                return client
                    .setData(path, spec.data(), spec.setDataVersion())
                    .thenApply(stat -> new CreateResult(path, stat));
              }
              return Failures.failed(cause);
            });
  }

  private CompletableFuture<CreateResult> rawCreate(PaddockClient client, String path) {
    CompletableFuture<CreateResult> created =
        spec.mode().isTtl()
            ? client.create(path, spec.data(), spec.acl(), spec.mode(), spec.ttlMs())
            : client.create(path, spec.data(), spec.acl(), spec.mode());
    if (!faultPending.get()) {
      return created;
    }
    return created.thenCompose(
        r -> {
          if (!faultPending.compareAndSet(true, false)) {
            return CompletableFuture.completedFuture(r);
          }
          spec.lostReplyFault().run();
          return Failures.failed(new PaddockException.ConnectionLossException(path));
        });
  }

  private boolean canMakeParents(String path) {
    String parent = ZnodePaths.parent(path);
    if (spec.parents() != CreateSpec.ParentMode.NONE) {
      return !parent.equals("/");
    }
    return !spec.namespaceRoot().isEmpty() && parent.equals(spec.namespaceRoot());
  }

  /** Creates every missing ancestor down to {@code parent}, ignoring those that exist. */
  private CompletableFuture<Void> makeParents(PaddockClient client, String parent) {
    List<String> chain = new ArrayList<>();
    for (String p = parent; !p.equals("/"); p = ZnodePaths.parent(p)) {
      chain.add(0, p);
    }
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (String p : chain) {
      String root = spec.namespaceRoot();
      boolean inNamespace = !root.isEmpty() && (root.equals(p) || root.startsWith(p + "/"));
      if (spec.parents() == CreateSpec.ParentMode.NONE && !inNamespace) {
        continue;
      }
      CreateMode mode =
          spec.parents() == CreateSpec.ParentMode.CONTAINER && !inNamespace
              ? CreateMode.CONTAINER
              : CreateMode.PERSISTENT;
      done =
          done.thenCompose(
              v ->
                  client
                      .create(p, new byte[0], spec.parentAcl(), mode)
                      .<Void>thenApply(r -> null)
                      .exceptionallyCompose(
                          e ->
                              Failures.is(e, ErrorCode.NODEEXISTS)
                                  ? CompletableFuture.completedFuture(null)
                                  : Failures.failed(e)));
    }
    return done;
  }
}
