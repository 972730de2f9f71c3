package io.paddock.store.txn;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A state-machine transaction: the body of one replicated write.
 *
 * <p>Txns carry the request's intent after the prep stage has done the checks that need no tree
 * state (path syntax, flags, ACL form, permissions). Everything that depends on the tree — the
 * sequential suffix, NONODE, NODEEXISTS, BADVERSION, NOTEMPTY, NOCHILDRENFOREPHEMERALS — is decided
 * by {@code DataTree.apply}, deterministically, so every replica reaches the same result. A write
 * that prep already rejected travels as {@link Error}.
 */
public sealed interface Txn
    permits Txn.Create,
        Txn.Delete,
        Txn.DeleteContainer,
        Txn.SetData,
        Txn.SetAcl,
        Txn.Check,
        Txn.Multi,
        Txn.CreateSession,
        Txn.CloseSession,
        Txn.Error {

  /**
   * Create a node. For sequential modes {@code path} is the requested prefix; the name gets the
   * parent's stored cversion as a 10-digit suffix.
   *
   * @param path the requested path (before any suffix)
   * @param data the data, possibly null (stored and returned as null)
   * @param acl the ACL, already expanded ({@code auth:} replaced) and validated by prep
   * @param mode the kind of node
   * @param ttlMs the TTL for the TTL modes, else 0
   */
  record Create(String path, byte[] data, List<Acl> acl, CreateMode mode, long ttlMs)
      implements Txn {
    /** Checks the fields are present. */
    public Create {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(acl, "acl");
      Objects.requireNonNull(mode, "mode");
      acl = List.copyOf(acl);
    }
  }

  /**
   * Delete a node.
   *
   * @param path the node
   * @param expectedVersion the data version it must have, or −1 for any
   */
  record Delete(String path, int expectedVersion) implements Txn {
    /** Checks the path is present. */
    public Delete {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Delete a container or expired TTL node found by the reaper (op 20): fails with NOTEMPTY when it
   * has children, and leaves a TTL node alone when it was modified within its TTL of the txn time.
   *
   * @param path the node
   */
  record DeleteContainer(String path) implements Txn {
    /** Checks the path is present. */
    public DeleteContainer {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Replace a node's data.
   *
   * @param path the node
   * @param data the new data, possibly null
   * @param expectedVersion the data version it must have, or −1 for any
   */
  record SetData(String path, byte[] data, int expectedVersion) implements Txn {
    /** Checks the path is present. */
    public SetData {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * Replace a node's ACL.
   *
   * @param path the node
   * @param acl the new ACL, expanded and validated by prep
   * @param expectedVersion the ACL version (aversion) it must have, or −1 for any
   */
  record SetAcl(String path, List<Acl> acl, int expectedVersion) implements Txn {
    /** Checks the fields are present. */
    public SetAcl {
      Objects.requireNonNull(path, "path");
      acl = List.copyOf(Objects.requireNonNull(acl, "acl"));
    }
  }

  /**
   * Check a node's data version (inside a multi).
   *
   * @param path the node
   * @param expectedVersion the data version it must have, or −1 for any
   */
  record Check(String path, int expectedVersion) implements Txn {
    /** Checks the path is present. */
    public Check {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * All-or-nothing group of create, delete, setData, check and error ops. An {@link Error} op marks
   * the op prep rejected; the whole multi then fails at that position.
   *
   * @param ops the ops in order
   */
  record Multi(List<Txn> ops) implements Txn {
    /** Checks only single-op kinds are nested. */
    public Multi {
      ops = List.copyOf(ops);
      for (Txn op : ops) {
        if (!(op instanceof Create
            || op instanceof Delete
            || op instanceof SetData
            || op instanceof Check
            || op instanceof Error)) {
          throw new IllegalArgumentException("not allowed inside multi: " + op);
        }
      }
    }
  }

  /**
   * Open a session; its id is the header's session id.
   *
   * @param timeoutMs the negotiated session timeout
   */
  record CreateSession(int timeoutMs) implements Txn {}

  /** Close the header's session and delete its ephemeral nodes. */
  record CloseSession() implements Txn {}

  /**
   * A write that prep rejected; it still consumes its zxid and is logged.
   *
   * @param err the error the client gets
   */
  record Error(ErrorCode err) implements Txn {
    /** Checks the code is an error. */
    public Error {
      if (err == null || err.isOk()) {
        throw new IllegalArgumentException("an error txn needs an error code, not " + err);
      }
    }
  }
}
