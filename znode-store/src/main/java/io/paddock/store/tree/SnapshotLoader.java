package io.paddock.store.tree;

import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ZnodePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a snapshot body (format in {@link SnapshotCodec}) and rebuilds the tree. */
final class SnapshotLoader {
  private static final int INDEX_INITIAL = 1024;
  private static final int ROOT_PARENT = -1;

  private final SnapshotInput in;
  private long zxid;
  private AclCache acls;
  private Znode[] byIndex;

  private SnapshotLoader(SnapshotInput in) {
    this.in = in;
  }

  static DataTree load(SnapshotInput in) throws IOException {
    return new SnapshotLoader(in).load();
  }

  private DataTree load() throws IOException {
    int magic = in.readInt("magic");
    if (magic != SnapshotCodec.MAGIC) {
      throw malformed("bad magic 0x" + Integer.toHexString(magic));
    }
    int version = in.readInt("format version");
    if (version != SnapshotCodec.FORMAT_VERSION) {
      throw malformed("unknown format version " + version);
    }
    zxid = in.readLong("zxid");
    if (zxid < 0) {
      throw malformed("negative zxid " + zxid);
    }
    Map<Long, Integer> sessions = readSessions();
    acls = readAcls();
    int nodeCount = in.readCount("node count", SnapshotCodec.NODES_MAX);
    if (nodeCount < 1) {
      throw malformed("a snapshot holds at least the root");
    }
    TreeStore store = readNodes(nodeCount);
    for (Map.Entry<Long, Integer> s : sessions.entrySet()) {
      store.putSession(s.getKey(), s.getValue());
    }
    long digest = in.readLong("digest");
    int end = in.readInt("end marker");
    if (end != SnapshotCodec.END_MARKER) {
      throw malformed("bad end marker 0x" + Integer.toHexString(end));
    }
    acls.purgeUnused();
    store.digest = StateDigest.compute(store.root, acls, store.sessions);
    if (store.digest != digest) {
      throw malformed(
          "digest mismatch: body says "
              + Long.toHexString(digest)
              + ", content gives "
              + Long.toHexString(store.digest));
    }
    return new DataTree(store, zxid);
  }

  private MalformedRecordException malformed(String what) {
    return new MalformedRecordException("snapshot (byte " + in.offset() + "): " + what);
  }

  private Map<Long, Integer> readSessions() throws IOException {
    int count = in.readCount("session count", SnapshotCodec.SESSIONS_MAX);
    Map<Long, Integer> sessions = new HashMap<>();
    for (int i = 0; i < count; i++) {
      long id = in.readLong("session id");
      int timeoutMs = in.readInt("session timeout");
      if (sessions.put(id, timeoutMs) != null) {
        throw malformed("session 0x" + Long.toHexString(id) + " listed twice");
      }
    }
    return sessions;
  }

  private AclCache readAcls() throws IOException {
    int count = in.readCount("ACL count", SnapshotCodec.ACLS_MAX);
    AclCache cache = new AclCache();
    for (int i = 0; i < count; i++) {
      int ref = in.readInt("ACL ref");
      List<Acl> acl = in.readAclList("ACL " + ref);
      try {
        cache.define(ref, acl);
      } catch (IllegalArgumentException e) {
        throw malformed(e.getMessage());
      }
    }
    return cache;
  }

  private TreeStore readNodes(int nodeCount) throws IOException {
    byIndex = new Znode[Math.min(nodeCount, INDEX_INITIAL)];
    if (in.readInt("root parent index") != ROOT_PARENT) {
      throw malformed("the first node must be the root (parent index −1)");
    }
    byte[] rootName = in.readBuffer("root name", SnapshotCodec.NAME_BYTES_MAX);
    if (rootName == null || rootName.length != 0) {
      throw malformed("the root's name must be empty");
    }
    Znode root = readFields(null, rootName);
    if (root.storedOwner() != 0) {
      throw malformed("the root cannot have an owner");
    }
    byIndex[0] = root;
    TreeStore store = new TreeStore(root, acls);
    for (int i = 1; i < nodeCount; i++) {
      int parentIndex = in.readInt("parent index");
      if (parentIndex < 0 || parentIndex >= i) {
        throw malformed(
            "node " + i + " has parent index " + parentIndex + " (not listed before it)");
      }
      Znode parent = byIndex[parentIndex];
      byte[] name = in.readBuffer("name", SnapshotCodec.NAME_BYTES_MAX);
      checkName(i, parent, name);
      Znode n = readFields(parent, name);
      if (parent.isEphemeral()) {
        throw malformed("node " + i + " is a child of an ephemeral node");
      }
      if (!store.linkIfAbsent(n)) {
        throw malformed(
            "node "
                + i
                + " repeats the name '"
                + new String(name, StandardCharsets.UTF_8)
                + "' under the same parent");
      }
      if (i == byIndex.length) {
        byIndex = Arrays.copyOf(byIndex, (int) Math.min(nodeCount, 2L * i));
      }
      byIndex[i] = n;
    }
    byIndex = null;
    return store;
  }

  private void checkName(int i, Znode parent, byte[] name) {
    if (name == null || name.length == 0) {
      throw malformed("node " + i + " has an empty name");
    }
    if (isPlainName(name)) {
      return;
    }
    String text = new String(name, StandardCharsets.UTF_8);
    if (text.indexOf('/') >= 0 || ZnodePaths.invalidReason("/" + text) != null) {
      throw malformed("node " + i + " has an invalid name '" + text + "'");
    }
  }

  /**
   * The fast path of the name check: printable ASCII without '/', and not "." or "..", is always a
   * valid name (ZooKeeper forbids only control characters, some ranges above ASCII, '/' and the
   * relative names).
   */
  private static boolean isPlainName(byte[] name) {
    for (byte b : name) {
      if (b < 0x20 || b > 0x7e || b == '/') {
        return false;
      }
    }
    return !(name[0] == '.' && (name.length == 1 || (name.length == 2 && name[1] == '.')));
  }

  private Znode readFields(Znode parent, byte[] name) throws IOException {
    byte[] data = in.readBuffer("data", SnapshotCodec.DATA_BYTES_MAX);
    int aclRef = in.readInt("ACL ref");
    if (!acls.contains(aclRef)) {
      throw malformed("undefined ACL ref " + aclRef);
    }
    long czxid = in.readLong("czxid");
    long mzxid = in.readLong("mzxid");
    long ctime = in.readLong("ctime");
    long mtime = in.readLong("mtime");
    int version = in.readInt("version");
    int cversion = in.readInt("cversion");
    int aversion = in.readInt("aversion");
    long owner = in.readLong("stored owner");
    long pzxid = in.readLong("pzxid");
    if (czxid > zxid || mzxid > zxid || pzxid > zxid) {
      throw malformed("a node's zxids lie above the snapshot zxid 0x" + Long.toHexString(zxid));
    }
    Znode n =
        Znode.create(
            parent, NodeBytes.build(name, 0, name.length, data), czxid, ctime, aclRef, owner);
    n.mzxid = mzxid;
    n.mtime = mtime;
    n.version = version;
    n.cversion = cversion;
    n.aversion = aversion;
    n.pzxid = pzxid;
    return n;
  }
}
