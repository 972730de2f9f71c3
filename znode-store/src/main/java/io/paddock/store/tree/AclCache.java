package io.paddock.store.tree;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ACL lists interned to int refs with reference counts, so a million nodes with the same ACL share
 * one list (as ZooKeeper's ReferenceCountedACLCache).
 *
 * <p>A node holds one count on its ref while it is linked into the tree. An entry whose count drops
 * to zero stays until {@link #purgeUnused()}, which the tree calls at the end of every apply: a
 * multi that rolls back a delete can then re-take the same ref. Refs are never reused while an
 * entry with that ref exists; they count up from 1 and wrap to 1 past {@link Integer#MAX_VALUE}.
 */
final class AclCache {
  private static final int REF_FIRST = 1;

  /** One interned list. */
  private static final class Entry {
    final int ref;
    final List<Acl> acl;
    final long hash;
    int users;

    Entry(int ref, List<Acl> acl) {
      this.ref = ref;
      this.acl = acl;
      this.hash = StateDigest.aclHash(acl);
    }
  }

  private final Map<List<Acl>, Entry> byAcl = new HashMap<>();
  private final Map<Integer, Entry> byRef = new HashMap<>();
  private final List<Entry> maybeUnused = new ArrayList<>();
  private int nextRef = REF_FIRST;

  /** The entry looked up last: nearly every node of a tree shares one ACL, so most lookups hit. */
  private Entry last;

  /** The ref of {@code acl}, defining an entry (with no users yet) when it is new. */
  int refFor(List<Acl> acl) {
    Entry e = byAcl.get(acl);
    if (e == null) {
      e = new Entry(allocateRef(), List.copyOf(acl));
      byAcl.put(e.acl, e);
      byRef.put(e.ref, e);
      maybeUnused.add(e);
    }
    return e.ref;
  }

  private int allocateRef() {
    if (byRef.size() >= Integer.MAX_VALUE - 1) {
      throw new IllegalStateException("ACL cache full");
    }
    while (byRef.containsKey(nextRef)) {
      nextRef = nextRef == Integer.MAX_VALUE ? REF_FIRST : nextRef + 1;
    }
    int ref = nextRef;
    nextRef = nextRef == Integer.MAX_VALUE ? REF_FIRST : nextRef + 1;
    return ref;
  }

  /** Defines {@code ref} as {@code acl} (snapshot loading); both must be new. */
  void define(int ref, List<Acl> acl) {
    if (ref < REF_FIRST) {
      throw new IllegalArgumentException("ACL ref must be positive: " + ref);
    }
    if (byRef.containsKey(ref) || byAcl.containsKey(acl)) {
      throw new IllegalArgumentException("ACL ref " + ref + " or list " + acl + " defined twice");
    }
    Entry e = new Entry(ref, List.copyOf(acl));
    byAcl.put(e.acl, e);
    byRef.put(ref, e);
    maybeUnused.add(e);
    if (ref >= nextRef && ref < Integer.MAX_VALUE) {
      nextRef = ref + 1;
    }
  }

  /** True when {@code ref} is defined. */
  boolean contains(int ref) {
    Entry e = last;
    return (e != null && e.ref == ref) || byRef.containsKey(ref);
  }

  private Entry entry(int ref) {
    Entry e = last;
    if (e != null && e.ref == ref) {
      return e;
    }
    e = byRef.get(ref);
    if (e == null) {
      throw new IllegalStateException("unknown ACL ref " + ref);
    }
    last = e;
    return e;
  }

  /** Takes one count on {@code ref}. */
  void retain(int ref) {
    entry(ref).users++;
  }

  /** Drops one count on {@code ref}. */
  void release(int ref) {
    Entry e = entry(ref);
    if (e.users <= 0) {
      throw new IllegalStateException("ACL ref " + ref + " released more often than retained");
    }
    if (--e.users == 0) {
      maybeUnused.add(e);
    }
  }

  /** Removes the entries nobody uses any more. */
  void purgeUnused() {
    for (Entry e : maybeUnused) {
      if (e.users == 0 && byRef.get(e.ref) == e) {
        byRef.remove(e.ref);
        if (last == e) {
          last = null;
        }
        byAcl.remove(e.acl);
      }
    }
    maybeUnused.clear();
  }

  /** The list for {@code ref}. */
  List<Acl> get(int ref) {
    return entry(ref).acl;
  }

  /** The digest hash of the list for {@code ref}, see {@link StateDigest#aclHash(List)}. */
  long hash(int ref) {
    return entry(ref).hash;
  }

  /** A copy of the table, ref to list, in ref order. */
  TreeMap<Integer, List<Acl>> table() {
    TreeMap<Integer, List<Acl>> copy = new TreeMap<>();
    for (Entry e : byRef.values()) {
      copy.put(e.ref, e.acl);
    }
    return copy;
  }

  /** Checks the two maps agree and every count matches {@code counted} (ref to users found). */
  void checkInvariants(Map<Integer, Integer> counted) {
    if (byRef.size() != byAcl.size()) {
      throw new IllegalStateException(
          "ACL cache maps disagree: " + byRef.size() + " refs, " + byAcl.size() + " lists");
    }
    for (Entry e : byRef.values()) {
      if (byAcl.get(e.acl) != e) {
        throw new IllegalStateException("ACL ref " + e.ref + " not found by its list");
      }
      int found = counted.getOrDefault(e.ref, 0);
      if (found != e.users) {
        throw new IllegalStateException(
            "ACL ref " + e.ref + " counts " + e.users + " users but " + found + " nodes hold it");
      }
      if (e.users == 0 && !maybeUnused.contains(e)) {
        throw new IllegalStateException("ACL ref " + e.ref + " is unused but not purgeable");
      }
    }
    for (Integer ref : counted.keySet()) {
      entry(ref);
    }
  }

  /** Encodes a list as jute {@code vector<ACL>} (the bytes {@link StateDigest#aclHash} hashes). */
  static byte[] encode(List<Acl> acl) {
    JuteWriter w = new JuteWriter();
    Acl.writeList(w, acl);
    return w.toByteArray();
  }
}
