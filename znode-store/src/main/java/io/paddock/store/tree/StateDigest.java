package io.paddock.store.tree;

import io.paddock.store.model.Acl;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The order-independent digest of a tree's state, kept up to date on every write and recomputable
 * from scratch (the two must agree; {@code checkInvariants} compares them).
 *
 * <p>Definition. {@code H(bytes)} is 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime
 * 0x100000001b3) followed by Murmur3's {@code fmix64}. {@code part(tag, p, x) = fmix64(fmix64(p +
 * tag) + x)}. For a node at path P (UTF-8, the root is "/"):
 *
 * <ul>
 *   <li>{@code p = H(P)}
 *   <li>{@code dataHash = H(data)}, or {@link #NULL_DATA_HASH} for null data (so null ≠ empty)
 *   <li>{@code aclHash = H(jute vector<ACL>)} of the ACL list (never the cache ref number)
 *   <li>{@code statHash}: starting from {@link #STAT_SEED}, {@code h = fmix64(h + v × GOLDEN)} for
 *       v in czxid, mzxid, pzxid, ctime, mtime, version, stored cversion, aversion, stored owner
 *   <li>{@code node = part(DATA_TAG, p, dataHash) + part(ACL_TAG, p, aclHash) + part(STAT_TAG, p,
 *       statHash)}
 * </ul>
 *
 * A session contributes {@code part(SESSION_TAG, id, timeoutMs)}. The digest is the sum (mod 2^64)
 * over all nodes and all sessions. lastProcessedZxid is not part of it. Because the node digest is
 * a sum of three parts, a write updates only the parts it changes (a child create touches the
 * parent's stat part, never re-hashes the parent's data).
 */
final class StateDigest {
  /** The data hash of null data. */
  static final long NULL_DATA_HASH = 0x9e3779b97f4a7c15L;

  static final long STAT_SEED = 0x243f6a8885a308d3L;
  static final long GOLDEN = 0x9e3779b97f4a7c15L;
  static final long DATA_TAG = 0x13198a2e03707344L;
  static final long ACL_TAG = 0xa4093822299f31d0L;
  static final long STAT_TAG = 0x082efa98ec4e6c89L;
  static final long SESSION_TAG = 0x452821e638d01377L;

  private static final long FNV64_BASIS = 0xcbf29ce484222325L;
  private static final long FNV64_PRIME = 0x100000001b3L;
  private static final byte SLASH = '/';

  private StateDigest() {}

  static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb93fe53b4d63L;
    k ^= k >>> 33;
    return k;
  }

  private static long fnv(long state, byte[] b, int offset, int length) {
    long h = state;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = (h ^ (b[i] & 0xff)) * FNV64_PRIME;
    }
    return h;
  }

  private static long fnv(long state, byte b) {
    return (state ^ (b & 0xff)) * FNV64_PRIME;
  }

  /** {@code H(bytes[offset, offset + length))}. */
  static long hash(byte[] b, int offset, int length) {
    return fmix64(fnv(FNV64_BASIS, b, offset, length));
  }

  /** {@code H(path)}, encoding the path as {@link Names} does. */
  static long pathHash(String path) {
    byte[] b = new byte[Names.encodedLength(path, 0, path.length())];
    Names.encode(path, 0, path.length(), b, 0);
    return hash(b, 0, b.length);
  }

  /** The FNV state after hashing "/" (the root's path). */
  static long rootPathState() {
    return fnv(FNV64_BASIS, SLASH);
  }

  /** The FNV state of a child's path, from its parent's state. */
  static long childPathState(long parentState, boolean parentIsRoot, byte[] childBytes) {
    long h = parentIsRoot ? parentState : fnv(parentState, SLASH);
    return fnv(h, childBytes, NodeBytes.nameOffset(childBytes), NodeBytes.nameLength(childBytes));
  }

  /** The path hash from an FNV state. */
  static long finishPath(long state) {
    return fmix64(state);
  }

  /** {@code dataHash} of a node's bytes. */
  static long dataHash(byte[] nodeBytes) {
    if (NodeBytes.isNullData(nodeBytes)) {
      return NULL_DATA_HASH;
    }
    int off = NodeBytes.dataOffset(nodeBytes);
    return hash(nodeBytes, off, nodeBytes.length - off);
  }

  /** {@code aclHash} of a list. */
  static long aclHash(List<Acl> acl) {
    byte[] b = AclCache.encode(acl);
    return hash(b, 0, b.length);
  }

  /** {@code statHash} of a node's stored fields. */
  static long statHash(Znode n) {
    long h = STAT_SEED;
    h = fmix64(h + n.czxid * GOLDEN);
    h = fmix64(h + n.mzxid * GOLDEN);
    h = fmix64(h + n.pzxid * GOLDEN);
    h = fmix64(h + n.ctime * GOLDEN);
    h = fmix64(h + n.mtime * GOLDEN);
    h = fmix64(h + n.version * GOLDEN);
    h = fmix64(h + n.cversion * GOLDEN);
    h = fmix64(h + n.aversion * GOLDEN);
    return fmix64(h + n.storedOwner() * GOLDEN);
  }

  static long part(long tag, long p, long x) {
    return fmix64(fmix64(p + tag) + x);
  }

  static long dataPart(long pathHash, Znode n) {
    return part(DATA_TAG, pathHash, dataHash(n.bytes));
  }

  static long aclPart(long pathHash, Znode n, AclCache acls) {
    return part(ACL_TAG, pathHash, acls.hash(n.aclRef));
  }

  static long statPart(long pathHash, Znode n) {
    return part(STAT_TAG, pathHash, statHash(n));
  }

  /** The whole digest of one node. */
  static long node(long pathHash, Znode n, AclCache acls) {
    return dataPart(pathHash, n) + aclPart(pathHash, n, acls) + statPart(pathHash, n);
  }

  /** The digest of one session. */
  static long session(long sessionId, int timeoutMs) {
    return part(SESSION_TAG, sessionId, timeoutMs);
  }

  /** Recomputes the digest from scratch: every node reachable from the root, every session. */
  static long compute(Znode root, AclCache acls, Map<Long, Integer> sessions) {
    long sum = 0;
    for (Map.Entry<Long, Integer> s : sessions.entrySet()) {
      sum += session(s.getKey(), s.getValue());
    }
    Znode[] nodes = new Znode[16];
    long[] states = new long[16];
    int top = 0;
    nodes[top] = root;
    states[top++] = rootPathState();
    while (top > 0) {
      Znode n = nodes[--top];
      long state = states[top];
      nodes[top] = null;
      sum += node(finishPath(state), n, acls);
      ChildTable t = n.children;
      if (t == null) {
        continue;
      }
      for (int i = 0; i < t.capacity(); i++) {
        Znode c = t.slot(i);
        if (c == null) {
          continue;
        }
        if (top == nodes.length) {
          nodes = Arrays.copyOf(nodes, top * 2);
          states = Arrays.copyOf(states, top * 2);
        }
        nodes[top] = c;
        states[top++] = childPathState(state, n == root, c.bytes);
      }
    }
    return sum;
  }
}
