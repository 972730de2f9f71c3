package io.paddock.server.core.prep;

import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteContainerRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.store.model.CreateMode;
import io.paddock.store.txn.Txn;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which nodes prep reads and which nodes a prepped txn changes, as far as prep can see them
 * (existence and ACL). The pipeline prepares a batch of writes before it applies any of them; when
 * a write would read a node that an earlier, not yet applied write of the batch changes, the
 * pipeline applies the batch first, so that prep always sees the tree its write will meet.
 *
 * <p>Keys are paths; a sequential create, whose final name is not known before it is applied,
 * changes the key {@code SEQUENTIAL_CHILD_PREFIX + parent} that stands for every child of that
 * parent.
 *
 * <p>A multi that holds a sequential create also reads the child-create count of that parent (the
 * key {@code CHILD_CREATES_PREFIX + parent}): its prep names the node the create will make, so that
 * later ops of the multi can refer to it, and that name counts every earlier create under the
 * parent. Any recorded create under that parent conflicts with the key.
 */
public final class Footprint {
  /** Marks the "some child of this parent" key of a sequential create (no path starts with it). */
  public static final char SEQUENTIAL_CHILD_PREFIX = '*';

  /** Marks the "child-create count of this parent" read key (no path starts with it). */
  public static final char CHILD_CREATES_PREFIX = '#';

  private final Set<String> changed = new HashSet<>();

  /** An empty footprint. */
  public Footprint() {}

  /** The nodes whose existence or ACL prep consults for this write request. */
  public static Set<String> reads(int opCode, Request request) {
    Set<String> out = new HashSet<>();
    if (request instanceof MultiRequest multi) {
      for (MultiOp op : multi.ops()) {
        addReads(op.request(), out);
        String sequential = sequentialCreatePath(op.request());
        if (sequential != null) {
          out.add(CHILD_CREATES_PREFIX + WritePrep.parentOf(sequential));
        }
      }
    } else {
      addReads(request, out);
    }
    return out;
  }

  /** The path of a sequential create, or null for any other request. */
  private static String sequentialCreatePath(Request request) {
    String path = null;
    int flags = 0;
    if (request instanceof CreateRequest r) {
      path = r.path();
      flags = r.flags();
    } else if (request instanceof CreateTtlRequest r) {
      path = r.path();
      flags = r.flags();
    }
    CreateMode mode = CreateMode.fromFlag(flags);
    return path != null && mode != null && mode.isSequential() ? path : null;
  }

  private static void addReads(Request request, Set<String> out) {
    String parentOf = null;
    String node = null;
    if (request instanceof CreateRequest r) {
      parentOf = r.path();
    } else if (request instanceof CreateTtlRequest r) {
      parentOf = r.path();
    } else if (request instanceof DeleteRequest r) {
      parentOf = r.path();
    } else if (request instanceof DeleteContainerRequest r) {
      parentOf = r.path();
    } else if (request instanceof SetDataRequest r) {
      node = r.path();
    } else if (request instanceof SetAclRequest r) {
      node = r.path();
    } else if (request instanceof CheckVersionRequest r) {
      node = r.path();
    }
    if (parentOf != null) {
      out.add(WritePrep.parentOf(parentOf));
    } else if (node != null) {
      out.add(node);
    }
  }

  /** Records the nodes a prepped txn will create, delete or give a new ACL. */
  public void addChanges(Txn txn) {
    if (txn instanceof Txn.Multi m) {
      m.ops().forEach(this::addChanges);
    } else if (txn instanceof Txn.Create c) {
      changed.add(
          c.mode().isSequential()
              ? SEQUENTIAL_CHILD_PREFIX + WritePrep.parentOf(c.path())
              : c.path());
    } else if (txn instanceof Txn.Delete d) {
      changed.add(d.path());
    } else if (txn instanceof Txn.DeleteContainer d) {
      changed.add(d.path());
    } else if (txn instanceof Txn.SetAcl s) {
      changed.add(s.path());
    }
  }

  /** Records nodes a txn deletes that the txn itself does not name (a session's ephemerals). */
  public void addChangedPaths(Collection<String> paths) {
    changed.addAll(paths);
  }

  /** True when prep of a request reading {@code reads} could see a change recorded here. */
  public boolean conflictsWith(Set<String> reads) {
    if (changed.isEmpty()) {
      return false;
    }
    for (String path : reads) {
      if (!path.isEmpty() && path.charAt(0) == CHILD_CREATES_PREFIX) {
        if (createsUnder(path.substring(1))) {
          return true;
        }
        continue;
      }
      if (changed.contains(path)
          || (path.length() > 1
              && changed.contains(SEQUENTIAL_CHILD_PREFIX + WritePrep.parentOf(path)))) {
        return true;
      }
    }
    return false;
  }

  /** True when a recorded change may be a create of a child of {@code parent}. */
  private boolean createsUnder(String parent) {
    if (changed.contains(SEQUENTIAL_CHILD_PREFIX + parent)) {
      return true;
    }
    for (String path : changed) {
      if (path.startsWith("/") && path.length() > 1 && WritePrep.parentOf(path).equals(parent)) {
        return true;
      }
    }
    return false;
  }

  /** Forgets everything (the batch was applied). */
  public void clear() {
    changed.clear();
  }

  /** True when nothing is recorded. */
  public boolean isEmpty() {
    return changed.isEmpty();
  }
}
