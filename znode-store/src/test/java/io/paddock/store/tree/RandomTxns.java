package io.paddock.store.tree;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import io.paddock.store.txn.Txn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random txns over a small name space, so creates collide and deletes hit. */
final class RandomTxns {
  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f"};
  private static final long[] SESSIONS = {0x11L, 0x22L, 0x33L};
  private static final List<List<Acl>> ACLS =
      List.of(
          Acl.OPEN_ACL_UNSAFE,
          Acl.READ_ACL_UNSAFE,
          List.of(new Acl(Perms.ALL, new Id("digest", "u:p"))),
          List.of(new Acl(Perms.READ, new Id("ip", "10.0.0.1")), new Acl(Perms.ALL, Id.ANYONE)));
  private static final int PATHS_REFRESH_OPS = 25;

  private final Random random;
  private List<String> paths = List.of("/");
  private int sinceRefresh = PATHS_REFRESH_OPS;

  RandomTxns(long seed) {
    this.random = new Random(seed);
  }

  /** Applies one random txn through the driver. */
  ApplyResult step(TreeDriver d) {
    if (++sinceRefresh >= PATHS_REFRESH_OPS) {
      paths = TreeComparison.paths(d.tree);
      sinceRefresh = 0;
    }
    long session = SESSIONS[random.nextInt(SESSIONS.length)];
    int kind = random.nextInt(100);
    if (kind < 4) {
      return d.apply(session, new Txn.CreateSession(1000 + random.nextInt(5) * 1000));
    } else if (kind < 7) {
      return d.apply(session, new Txn.CloseSession());
    } else if (kind < 9) {
      return d.apply(session, new Txn.DeleteContainer(existing()));
    } else if (kind < 12) {
      return d.apply(session, new Txn.SetAcl(existing(), acl(), version()));
    } else if (kind < 14) {
      return d.apply(session, new Txn.Error(ErrorCode.NOAUTH));
    } else if (kind < 30) {
      return d.apply(session, multi());
    }
    return d.apply(session, single());
  }

  private Txn single() {
    int kind = random.nextInt(10);
    if (kind < 5) {
      return create();
    } else if (kind < 8) {
      return new Txn.Delete(existing(), version());
    }
    return new Txn.SetData(existing(), data(), version());
  }

  private Txn.Multi multi() {
    int n = random.nextInt(6);
    List<Txn> ops = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(20);
      ops.add(
          kind == 0
              ? new Txn.Error(ErrorCode.BADARGUMENTS)
              : kind < 4 ? new Txn.Check(existing(), version()) : single());
    }
    return new Txn.Multi(ops);
  }

  private Txn.Create create() {
    String parent = existing();
    String path = (parent.equals("/") ? "/" : parent + "/") + NAMES[random.nextInt(NAMES.length)];
    CreateMode mode = CreateMode.values()[random.nextInt(CreateMode.values().length)];
    long ttl = mode.isTtl() ? 1 + random.nextInt(50) : 0;
    return new Txn.Create(path, data(), acl(), mode, ttl);
  }

  private String existing() {
    if (random.nextInt(10) == 0) {
      return "/missing" + random.nextInt(3);
    }
    return paths.get(random.nextInt(paths.size()));
  }

  private int version() {
    return random.nextInt(3) == 0 ? random.nextInt(2) : -1;
  }

  private byte[] data() {
    int kind = random.nextInt(5);
    if (kind == 0) {
      return null;
    }
    byte[] b = new byte[kind == 1 ? 0 : random.nextInt(40)];
    random.nextBytes(b);
    return b;
  }

  private List<Acl> acl() {
    return ACLS.get(random.nextInt(ACLS.size()));
  }
}
