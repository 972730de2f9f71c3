package io.paddock.store.tree;

import com.google.common.io.ByteSource;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The snapshot body: what a {@link SnapshotCursor} writes and {@link #load} reads back.
 *
 * <p>Format, jute-encoded (big-endian ints and longs, buffers as int length + bytes, −1 for null):
 *
 * <pre>
 * int    magic           0x5044534E ("PDSN")
 * int    formatVersion   1
 * long   zxid            Z, the last txn the snapshot includes
 * int    sessionCount    then sessionCount × (long sessionId, int timeoutMs), ascending ids
 * int    aclCount        then aclCount × (int ref, vector&lt;ACL&gt;), ascending refs, refs ≥ 1
 * int    nodeCount       ≥ 1, then nodeCount nodes in depth-first pre-order (parents first):
 *          int    parentIndex   position of the parent in this list; −1 for the root (position 0)
 *          buffer name          UTF-8, no '/'; empty for the root
 *          buffer data          −1 for null data
 *          int    aclRef
 *          long   czxid, mzxid, ctime, mtime
 *          int    version, storedCversion (child creates ever), aversion
 *          long   storedOwner   session id, container or TTL marker, or 0
 *          long   pzxid
 * long   digest          {@link DataTree#digest()} of the state at Z
 * int    endMarker       0x454E4421 ("END!")
 * </pre>
 *
 * Loading checks the structure (magic, version, counts within bounds, each parent listed before its
 * children, valid unique names, no children under ephemerals, ACL refs defined, zxids ≤ Z, the end
 * marker) and finally the digest, and fails with {@link MalformedRecordException} naming what is
 * wrong. The storage layer adds its own file header and checksum around this body.
 */
public final class SnapshotCodec {
  /** The first int of a body. */
  public static final int MAGIC = 0x5044534E;

  /** The body format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The last int of a body. */
  public static final int END_MARKER = 0x454E4421;

  /** The most sessions a body may list. */
  public static final int SESSIONS_MAX = 100_000_000;

  /** The most ACL lists a body may define. */
  public static final int ACLS_MAX = 100_000_000;

  /** The most entries in one ACL list. */
  public static final int ACL_ENTRIES_MAX = 1 << 16;

  /** The longest ACL scheme or id, in bytes. */
  public static final int ACL_STRING_BYTES_MAX = 1 << 20;

  /** The most nodes a body may hold. */
  public static final int NODES_MAX = Integer.MAX_VALUE - 8;

  /** The longest node name, in bytes (a whole request frame is about 1 MiB). */
  public static final int NAME_BYTES_MAX = 1 << 20;

  /** The most data one node may hold, in bytes: far above the ~1 MiB request frame limit. */
  public static final int DATA_BYTES_MAX = 1 << 26;

  private SnapshotCodec() {}

  /**
   * Writes the whole snapshot of {@code tree} at once. For large trees under load use {@link
   * DataTree#beginSnapshot()} and write slices instead.
   */
  public static byte[] write(DataTree tree) {
    JuteWriter out = new JuteWriter();
    try (SnapshotCursor cursor = tree.beginSnapshot()) {
      cursor.writeSlice(out, Integer.MAX_VALUE);
    }
    return out.toByteArray();
  }

  /**
   * Rebuilds a tree from a body, reading exactly the body's bytes from {@code in} (so the caller
   * may read a trailer after it). Pass a buffered stream.
   *
   * @return a tree equal to the snapshotted one, with lastProcessedZxid = Z
   * @throws MalformedRecordException when the body is cut short or makes no sense
   * @throws IOException when the stream fails
   */
  public static DataTree load(InputStream in) throws IOException {
    SnapshotInput input = new SnapshotInput(in);
    DataTree tree = SnapshotLoader.load(input);
    input.finish();
    return tree;
  }

  /**
   * Rebuilds a tree from a source holding exactly one body (for instance chunks joined with {@link
   * ByteSource#concat}), so a large snapshot never needs to be one array.
   *
   * @throws MalformedRecordException also when bytes follow the end marker
   */
  public static DataTree load(ByteSource source) throws IOException {
    try (InputStream in = new BufferedInputStream(source.openStream())) {
      SnapshotInput input = new SnapshotInput(in);
      DataTree tree = SnapshotLoader.load(input);
      input.expectEnd();
      return tree;
    }
  }

  /** Rebuilds a tree from an array holding exactly one body. */
  public static DataTree load(byte[] body) {
    try {
      return load(ByteSource.wrap(body));
    } catch (IOException e) {
      throw new IllegalStateException("reading an array cannot fail", e);
    }
  }
}
