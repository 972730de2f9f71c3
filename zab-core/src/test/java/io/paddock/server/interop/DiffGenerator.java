package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Draws a seeded random operation log for the differential test. Paths come from a small fixed tree
 * under {@link DiffSide#ROOT} plus the names the reference side actually created (sequential ones
 * included), so ops hit existing and missing nodes alike. A "right" version is looked up on the
 * reference side with a plain exists (no watch, no zxid), so the same seed gives the same log.
 */
final class DiffGenerator {
  private static final String[] NAMES = {"a", "b", "c"};
  private static final int KNOWN_MAX = 200;
  private static final Pattern CREATED = Pattern.compile("(?:^ok |create )(/\\S+)");

  private final Random random;
  private final int slots;
  private final List<String> fixed = new ArrayList<>();
  private final List<String> known = new ArrayList<>();
  private DiffSide reference;

  DiffGenerator(long seed, int slots) {
    this.random = new Random(seed);
    this.slots = slots;
    for (String a : NAMES) {
      fixed.add(DiffSide.ROOT + "/" + a);
      for (String b : NAMES) {
        fixed.add(DiffSide.ROOT + "/" + a + "/" + b);
        for (String c : NAMES) {
          fixed.add(DiffSide.ROOT + "/" + a + "/" + b + "/" + c);
        }
      }
    }
  }

  /** Learns the node names a reply of the reference side reports as created. */
  void observe(String referenceReply) {
    Matcher m = CREATED.matcher(referenceReply);
    while (m.find()) {
      if (known.size() < KNOWN_MAX) {
        known.add(m.group(1));
      } else {
        known.set(random.nextInt(KNOWN_MAX), m.group(1));
      }
    }
  }

  /** The next op; {@code reference} is only read, never changed. */
  DiffOp next(DiffSide reference) throws InterruptedException {
    this.reference = reference;
    int slot = random.nextInt(slots);
    int roll = random.nextInt(100);
    if (roll < 24) {
      return create(slot);
    } else if (roll < 36) {
      return write(DiffOp.Kind.SET_DATA, slot, reference);
    } else if (roll < 46) {
      return write(DiffOp.Kind.DELETE, slot, reference);
    } else if (roll < 54) {
      return read(DiffOp.Kind.EXISTS, slot);
    } else if (roll < 62) {
      return read(DiffOp.Kind.GET_DATA, slot);
    } else if (roll < 68) {
      return read(DiffOp.Kind.GET_CHILDREN, slot);
    } else if (roll < 72) {
      return read(DiffOp.Kind.GET_CHILDREN2, slot);
    } else if (roll < 84) {
      return multi(slot, reference);
    } else if (roll < 88) {
      List<DiffOp> reads = new ArrayList<>();
      for (int i = 1 + random.nextInt(3); i > 0; i--) {
        reads.add(
            simple(
                random.nextBoolean() ? DiffOp.Kind.GET_DATA : DiffOp.Kind.GET_CHILDREN,
                slot,
                path()));
      }
      return new DiffOp(DiffOp.Kind.MULTI_READ, slot, null, null, 0, null, false, -1, false, reads);
    } else if (roll < 90) {
      return simple(DiffOp.Kind.ADD_WATCH_PERSISTENT, slot, path());
    } else if (roll < 92) {
      return simple(DiffOp.Kind.ADD_WATCH_RECURSIVE, slot, path());
    } else if (roll < 95) {
      return simple(
          DiffOp.Kind.GET_EPHEMERALS, slot, random.nextBoolean() ? DiffSide.ROOT : path());
    } else if (roll < 99) {
      return simple(DiffOp.Kind.ALL_CHILDREN_NUMBER, slot, path());
    }
    return simple(DiffOp.Kind.REOPEN_SESSION, slot, null);
  }

  /**
   * A node to act on: mostly one that exists on the reference right now, sometimes any name the
   * reference created (it may be gone) or a fixed name (often missing).
   */
  private String path() throws InterruptedException {
    if (!known.isEmpty() && random.nextInt(10) < 7) {
      String existing = existingKnown();
      if (existing != null) {
        return existing;
      }
    }
    if (!known.isEmpty() && random.nextBoolean()) {
      return known.get(random.nextInt(known.size()));
    }
    return fixed.get(random.nextInt(fixed.size()));
  }

  /** A known node that exists on the reference, or null after a few misses. */
  private String existingKnown() throws InterruptedException {
    for (int attempt = 0; attempt < 4; attempt++) {
      String candidate = known.get(random.nextInt(known.size()));
      try {
        if (reference.session(0).exists(candidate, false) != null) {
          return candidate;
        }
      } catch (KeeperException e) {
        return null;
      }
    }
    return null;
  }

  /** A name to create: a child of the root or of an existing node the reference created. */
  private String childPath() throws InterruptedException {
    String parent = known.isEmpty() || random.nextInt(4) == 0 ? null : existingKnown();
    if (parent == null || parent.length() > 40) {
      parent = DiffSide.ROOT;
    }
    return parent + "/" + NAMES[random.nextInt(NAMES.length)];
  }

  private byte[] data() {
    return switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> new byte[0];
      default -> ("v" + random.nextInt(1000)).getBytes(UTF_8);
    };
  }

  private DiffOp simple(DiffOp.Kind kind, int slot, String path) {
    return new DiffOp(kind, slot, path, null, -1, null, false, -1, false, List.of());
  }

  private DiffOp read(DiffOp.Kind kind, int slot) throws InterruptedException {
    return new DiffOp(
        kind, slot, path(), null, -1, null, false, -1, random.nextInt(3) > 0, List.of());
  }

  private DiffOp create(int slot) throws InterruptedException {
    CreateMode mode = CreateMode.values()[random.nextInt(CreateMode.values().length)];
    // Long TTLs: neither server may reap a node while the log runs.
    long ttl = mode.isTTL() ? 3_600_000L + random.nextInt(1000) : -1;
    return new DiffOp(
        DiffOp.Kind.CREATE,
        slot,
        random.nextInt(5) == 0 ? path() : childPath(),
        data(),
        -1,
        mode,
        random.nextBoolean(),
        ttl,
        false,
        List.of());
  }

  private int version(String path, DiffSide reference) throws InterruptedException {
    switch (random.nextInt(3)) {
      case 0:
        return -1;
      case 1:
        try {
          Stat s = reference.session(0).exists(path, false);
          return s == null ? 0 : s.getVersion();
        } catch (KeeperException e) {
          return 0;
        }
      default:
        return random.nextInt(4);
    }
  }

  private DiffOp write(DiffOp.Kind kind, int slot, DiffSide reference) throws InterruptedException {
    String path = path();
    return new DiffOp(
        kind, slot, path, data(), version(path, reference), null, false, -1, false, List.of());
  }

  private DiffOp multi(int slot, DiffSide reference) throws InterruptedException {
    List<DiffOp> ops = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      switch (random.nextInt(4)) {
        case 0 -> ops.add(create(slot));
        case 1 -> ops.add(write(DiffOp.Kind.SET_DATA, slot, reference));
        case 2 -> ops.add(write(DiffOp.Kind.DELETE, slot, reference));
        default -> ops.add(write(DiffOp.Kind.CHECK, slot, reference));
      }
    }
    return new DiffOp(DiffOp.Kind.MULTI, slot, null, null, 0, null, false, -1, false, ops);
  }
}
