package io.paddock.server.zab.sim;

import io.paddock.store.model.ErrorCode;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequential specification of the simulated clients' registers: a key is absent or holds a
 * value with a version; create makes it at version 0, set bumps the version, a compare-and-set only
 * when the version matches.
 */
final class RegisterModel {

  /** A key's state: absent is {@code version == -1}. */
  record State(int value, int version) {
    static final State ABSENT = new State(-1, -1);
  }

  /** The outcome of a write. */
  record Outcome(int err, int version) {}

  private final Map<String, State> keys = new HashMap<>();

  State get(String key) {
    return keys.getOrDefault(key, State.ABSENT);
  }

  Outcome apply(ClientOp.Kind kind, String key, int value, int expectedVersion) {
    State s = get(key);
    switch (kind) {
      case CREATE -> {
        if (s.version() >= 0) {
          return new Outcome(ErrorCode.NODEEXISTS.code(), -1);
        }
        keys.put(key, new State(value, 0));
        return new Outcome(0, 0);
      }
      case SET, CAS -> {
        if (s.version() < 0) {
          return new Outcome(ErrorCode.NONODE.code(), -1);
        }
        if (kind == ClientOp.Kind.CAS && expectedVersion != s.version()) {
          return new Outcome(ErrorCode.BADVERSION.code(), -1);
        }
        keys.put(key, new State(value, s.version() + 1));
        return new Outcome(0, s.version() + 1);
      }
      default -> throw new IllegalArgumentException("not a write: " + kind);
    }
  }
}
