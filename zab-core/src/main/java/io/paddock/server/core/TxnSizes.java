package io.paddock.server.core;

import io.paddock.store.model.Acl;
import io.paddock.store.txn.Txn;
import java.util.List;

/** A cheap upper estimate of a txn's logged size, to bound the bytes of one group commit. */
final class TxnSizes {
  /** Header, type and length fields of one txn. */
  private static final int FIXED_BYTES = 64;

  /** Bytes per path character at most (jute writes UTF-16 chars as up to 3 bytes). */
  private static final int BYTES_PER_CHAR = 3;

  /** Perms and two string lengths of one ACL entry. */
  private static final int ACL_FIXED_BYTES = 12;

  private TxnSizes() {}

  static long estimate(Txn txn) {
    if (txn instanceof Txn.Multi m) {
      long sum = FIXED_BYTES;
      for (Txn op : m.ops()) {
        sum += estimate(op);
      }
      return sum;
    } else if (txn instanceof Txn.Create c) {
      return FIXED_BYTES + chars(c.path()) + bytes(c.data()) + acl(c.acl());
    } else if (txn instanceof Txn.SetData s) {
      return FIXED_BYTES + chars(s.path()) + bytes(s.data());
    } else if (txn instanceof Txn.SetAcl s) {
      return FIXED_BYTES + chars(s.path()) + acl(s.acl());
    } else if (txn instanceof Txn.Delete d) {
      return FIXED_BYTES + chars(d.path());
    } else if (txn instanceof Txn.DeleteContainer d) {
      return FIXED_BYTES + chars(d.path());
    } else if (txn instanceof Txn.Check c) {
      return FIXED_BYTES + chars(c.path());
    }
    return FIXED_BYTES;
  }

  private static long chars(String s) {
    return (long) s.length() * BYTES_PER_CHAR;
  }

  private static long bytes(byte[] data) {
    return data == null ? 0 : data.length;
  }

  private static long acl(List<Acl> acl) {
    long sum = 0;
    for (Acl a : acl) {
      sum += ACL_FIXED_BYTES + chars(a.id().scheme()) + chars(a.id().id());
    }
    return sum;
  }
}
