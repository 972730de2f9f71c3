package io.paddock.store.tree.model;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.EphemeralKind;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import io.paddock.store.model.ZnodePaths;
import io.paddock.store.model.Zxid;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random txns that keep hitting every branch of DataTree.apply: a small path universe (names
 * a, b, c, depth ≤ 3) so that NODEEXISTS, NOTEMPTY and NONODE are common; every CreateMode;
 * sequential creates under shared parents (including the empty prefix, {@code /m2/} style, and
 * invalid results); right, wrong and −1 expected versions; null, empty and random data; a few ACL
 * lists; multis of 0–5 ops mixing good, failing and {@link Txn.Error} ops; sessions opened and
 * closed with ephemerals; DeleteContainer on containers, TTL nodes and others at times around the
 * TTL; the special paths.
 *
 * <p>The generator reads the {@link ReferenceTree} (never changes it) to aim at existing nodes and
 * current versions. Zxids strictly increase and times never decrease. The same seed and the same
 * reference history give the same txns.
 */
public final class TxnGenerator {
  /** The session ids the generator uses (server id 1 in the high byte, as ZooKeeper makes them). */
  public static final List<Long> SESSION_POOL =
      List.of(0x0100000000000001L, 0x0100000000000002L, 0x0100000000000003L, 0x01000000000000a4L);

  /** The time of the first txn. */
  public static final long START_TIME_MS = 1_700_000_000_000L;

  private static final int NODES_SOFT_MAX = 60;
  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] SEQ_PREFIXES = {"s-", "q", "", "a", "s-"};
  private static final String[] ODD_NAMES = {
    ".", "..", "x\u0001", "bad\uFFFF", "d\u007f", ".x", "n\u0000"
  };
  private static final long[] TTLS = {1, 3, 10, 50, 1000, EphemeralKind.TTL_MS_MAX};
  private static final int[] TIMEOUTS = {4000, 10000, 30000};
  private static final ErrorCode[] ERRORS = {
    ErrorCode.NOAUTH,
    ErrorCode.BADARGUMENTS,
    ErrorCode.INVALIDACL,
    ErrorCode.SESSIONEXPIRED,
    ErrorCode.MARSHALLINGERROR,
    ErrorCode.QUOTAEXCEEDED
  };
  private static final List<List<Acl>> ACLS =
      List.of(
          Acl.OPEN_ACL_UNSAFE,
          Acl.READ_ACL_UNSAFE,
          List.of(new Acl(Perms.ALL, new Id("digest", "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ="))),
          List.of(new Acl(Perms.READ, Id.ANYONE), new Acl(Perms.ALL, new Id("ip", "127.0.0.1"))),
          List.of(new Acl(Perms.CREATE | Perms.DELETE, new Id("world", "anyone"))));

  /**
   * One generated txn.
   *
   * @param header its header
   * @param txn its body
   */
  public record Step(TxnHeader header, Txn txn) {}

  private final Random random;

  /** The view's paths, read once per {@link #next}. */
  private List<String> paths = List.of();

  private long zxid = Zxid.make(1, 0);
  private long timeMs = START_TIME_MS;
  private int cxid;

  /** A generator for one seed. */
  public TxnGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The time of the last generated txn. */
  public long nowMs() {
    return timeMs;
  }

  /**
   * Every path of the universe (depth 1..3 over a, b, c) plus the special paths; handy for checking
   * that absent nodes read as absent.
   */
  public static List<String> universe() {
    List<String> out = new ArrayList<>(List.of(ZnodePaths.ROOT, ZnodePaths.ZOOKEEPER));
    out.add(ZnodePaths.QUOTA);
    out.add(ZnodePaths.CONFIG);
    for (String a : NAMES) {
      out.add("/" + a);
      for (String b : NAMES) {
        out.add("/" + a + "/" + b);
        for (String c : NAMES) {
          out.add("/" + a + "/" + b + "/" + c);
        }
      }
    }
    return out;
  }

  /** The next txn, aimed at the current state of {@code view}. */
  public Step next(ReferenceTree view) {
    advanceClock();
    paths = view.paths();
    if (view.nodeCount() > NODES_SOFT_MAX && random.nextInt(4) == 0) {
      // Keep the tree small so that collisions stay frequent and checks stay cheap.
      return step(anySession(), OpCode.DELETE, new Txn.Delete(deletePath(view), -1));
    }
    int roll = random.nextInt(100);
    if (roll < 28) {
      long session = writerSession(view);
      Txn.Create c = create(view, session);
      return step(session, createOpCode(c), c);
    } else if (roll < 40) {
      String path = deletePath(view);
      return step(anySession(), OpCode.DELETE, new Txn.Delete(path, version(view, path)));
    } else if (roll < 52) {
      String path = somePath(view);
      return step(
          anySession(), OpCode.SET_DATA, new Txn.SetData(path, data(), version(view, path)));
    } else if (roll < 57) {
      String path = somePath(view);
      return step(anySession(), OpCode.SET_ACL, new Txn.SetAcl(path, acl(), aversion(view, path)));
    } else if (roll < 60) {
      String path = somePath(view);
      return step(anySession(), OpCode.CHECK, new Txn.Check(path, version(view, path)));
    } else if (roll < 76) {
      long session = writerSession(view);
      return step(session, OpCode.MULTI, multi(view, session));
    } else if (roll < 84) {
      return deleteContainer(view);
    } else if (roll < 90) {
      long session = pick(SESSION_POOL);
      Integer current = view.sessions().get(session);
      int timeout = current != null && random.nextInt(10) < 9 ? current : pick(TIMEOUTS);
      return step(session, OpCode.CREATE_SESSION, new Txn.CreateSession(timeout));
    } else if (roll < 96) {
      List<Long> open = new ArrayList<>(view.sessions().keySet());
      long session = !open.isEmpty() && random.nextInt(5) > 0 ? pick(open) : pick(SESSION_POOL);
      return step(session, OpCode.CLOSE_SESSION, new Txn.CloseSession());
    }
    return step(anySession(), OpCode.ERROR, new Txn.Error(pick(ERRORS)));
  }

  // ------------------------------------------------------------ txn kinds

  private Txn.Multi multi(ReferenceTree view, long session) {
    int count = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(5);
    List<Txn> ops = new ArrayList<>();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int roll = random.nextInt(100);
      // Later ops often aim at what earlier ops of the same multi created.
      String path = !created.isEmpty() && random.nextInt(3) == 0 ? pick(created) : somePath(view);
      if (roll < 35) {
        Txn.Create c = create(view, session);
        if (!c.mode().isSequential()) {
          created.add(c.path());
        }
        ops.add(c);
      } else if (roll < 55) {
        String target = random.nextBoolean() ? deletePath(view) : path;
        ops.add(new Txn.Delete(target, version(view, target)));
      } else if (roll < 75) {
        ops.add(new Txn.SetData(path, data(), version(view, path)));
      } else if (roll < 93) {
        ops.add(new Txn.Check(path, version(view, path)));
      } else {
        ops.add(new Txn.Error(pick(ERRORS)));
      }
    }
    return new Txn.Multi(ops);
  }

  private Txn.Create create(ReferenceTree view, long session) {
    CreateMode mode = pick(List.of(CreateMode.values()));
    if (mode.isEphemeral() && !view.hasSession(session)) {
      mode = mode.isSequential() ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
    }
    String parent = createParent(view);
    String name;
    int roll = random.nextInt(100);
    if (roll < 4) {
      name = pick(ODD_NAMES);
    } else if (mode.isSequential() || roll < 10) {
      name = pick(SEQ_PREFIXES);
    } else {
      name = pick(NAMES);
    }
    String path = parent.equals(ZnodePaths.ROOT) ? "/" + name : parent + "/" + name;
    long ttl = mode.isTtl() ? TTLS[random.nextInt(TTLS.length)] : 0;
    return new Txn.Create(path, data(), acl(), mode, ttl);
  }

  private Step deleteContainer(ReferenceTree view) {
    List<String> reapable = new ArrayList<>();
    for (String p : paths) {
      long owner = view.storedOwner(p);
      if (EphemeralKind.isContainer(owner) || EphemeralKind.isTtl(owner)) {
        reapable.add(p);
      }
    }
    int roll = random.nextInt(10);
    String path =
        !reapable.isEmpty() && roll < 6 ? pick(reapable) : roll < 8 ? somePath(view) : randomPath();
    long owner = view.storedOwner(path);
    if (EphemeralKind.isTtl(owner) && random.nextInt(4) > 0) {
      // Aim at the TTL boundary: now − mtime <= ttl keeps the node, one more ms expires it.
      long ttl = EphemeralKind.ttlMs(owner);
      long target = view.mtime(path) + ttl + (random.nextInt(4) - 1);
      if (ttl < 100_000 && target > timeMs) {
        timeMs = target;
      }
    }
    return step(0, OpCode.DELETE_CONTAINER, new Txn.DeleteContainer(path));
  }

  // ------------------------------------------------------------ paths

  /** A parent for a create: usually an existing node of depth ≤ 2, sometimes any universe path. */
  private String createParent(ReferenceTree view) {
    int roll = random.nextInt(100);
    if (roll < 3) {
      return ZnodePaths.ZOOKEEPER;
    }
    if (roll < 60) {
      List<String> candidates = new ArrayList<>();
      for (String p : paths) {
        if (depth(p) <= 2 && !ZnodePaths.isAtOrBelow(p, ZnodePaths.ZOOKEEPER)) {
          candidates.add(p);
        }
      }
      return pick(candidates);
    }
    int depth = random.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('/').append(pick(NAMES));
    }
    return sb.length() == 0 ? ZnodePaths.ROOT : sb.toString();
  }

  /** A delete target: leaves are favoured so that deletes succeed often. */
  private String deletePath(ReferenceTree view) {
    int roll = random.nextInt(100);
    if (roll < 2) {
      return oddDeletePath();
    }
    if (roll < 55) {
      Set<String> parents = new HashSet<>();
      for (String p : paths) {
        if (!ZnodePaths.ROOT.equals(p)) {
          parents.add(ZnodePaths.parent(p));
        }
      }
      List<String> leaves = new ArrayList<>();
      for (String p : paths) {
        if (!parents.contains(p) && !ZnodePaths.isSpecial(p)) {
          leaves.add(p);
        }
      }
      if (!leaves.isEmpty()) {
        return pick(leaves);
      }
    }
    return somePath(view);
  }

  /** Half existing nodes, the rest the universe, a few special and odd paths. */
  private String somePath(ReferenceTree view) {
    int roll = random.nextInt(100);
    if (roll < 50) {
      return pick(paths);
    } else if (roll < 93) {
      return randomPath();
    } else if (roll < 97) {
      return pick(
          List.of(ZnodePaths.ROOT, ZnodePaths.ZOOKEEPER, ZnodePaths.QUOTA, ZnodePaths.CONFIG));
    }
    return pick(List.of("/a/", "/zookeeper/quota/a", "/a/s-", "/a0000000000"));
  }

  /** A delete target that prep would normally have refused (§9.8 delete step 2). */
  private String oddDeletePath() {
    return pick(List.of("a", "/a\u0000", "/zz/b\u0000", "/a/"));
  }

  private String randomPath() {
    int depth = 1 + random.nextInt(3);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append('/').append(pick(NAMES));
    }
    return sb.toString();
  }

  private static int depth(String path) {
    int depth = 0;
    for (int i = 0; i < path.length() && path.length() > 1; i++) {
      depth += path.charAt(i) == '/' ? 1 : 0;
    }
    return depth;
  }

  // ------------------------------------------------------------ values

  /** A data version: −1, right, off by one, or random. */
  private int version(ReferenceTree view, String path) {
    return aimedVersion(view.dataVersion(path));
  }

  private int aversion(ReferenceTree view, String path) {
    return aimedVersion(view.aclVersion(path));
  }

  private int aimedVersion(Integer current) {
    int roll = random.nextInt(100);
    if (roll < 35 || current == null && roll < 60) {
      return -1;
    } else if (current == null || roll >= 95) {
      return random.nextInt(5) - 2;
    } else if (roll < 75) {
      return current;
    }
    return roll < 88 ? current + 1 : current - 1;
  }

  private byte[] data() {
    int roll = random.nextInt(100);
    if (roll < 25) {
      return null;
    } else if (roll < 40) {
      return new byte[0];
    }
    byte[] data = new byte[roll < 95 ? 1 + random.nextInt(8) : 64 + random.nextInt(200)];
    random.nextBytes(data);
    return data;
  }

  private List<Acl> acl() {
    return random.nextInt(3) == 0 ? pick(ACLS) : Acl.OPEN_ACL_UNSAFE;
  }

  // ------------------------------------------------------------ headers

  private void advanceClock() {
    int roll = random.nextInt(100);
    if (roll < 3) {
      zxid = Zxid.make(Zxid.epoch(zxid) + 1, 1);
    } else {
      zxid += roll < 6 ? 2 + random.nextInt(4) : 1;
    }
    timeMs += random.nextInt(50) == 0 ? random.nextInt(300) : random.nextInt(4);
  }

  private Step step(long session, int type, Txn txn) {
    cxid++;
    return new Step(new TxnHeader(session, session == 0 ? 0 : cxid, zxid, timeMs, type), txn);
  }

  /** An open session when there is one (so that ephemeral creates are legitimate), else any. */
  private long writerSession(ReferenceTree view) {
    List<Long> open = new ArrayList<>(view.sessions().keySet());
    return !open.isEmpty() && random.nextInt(5) > 0 ? pick(open) : pick(SESSION_POOL);
  }

  private long anySession() {
    return pick(SESSION_POOL);
  }

  private int createOpCode(Txn.Create c) {
    if (c.mode().isContainer()) {
      return OpCode.CREATE_CONTAINER;
    } else if (c.mode().isTtl()) {
      return OpCode.CREATE_TTL;
    }
    return random.nextBoolean() ? OpCode.CREATE : OpCode.CREATE2;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private <T> T pick(T[] array) {
    return array[random.nextInt(array.length)];
  }

  private int pick(int[] array) {
    return array[random.nextInt(array.length)];
  }
}
