package io.paddock.store.snapshot;

import io.paddock.store.io.CorruptFileException;
import io.paddock.store.io.StorageDirectory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The durable container of snapshots, one file per snapshot, named {@code snapshot.<hex zxid>}.
 * What goes in the body (the encoded DataTree) is the caller's business.
 *
 * <p>File layout (big-endian): header int magic "PDSN", int version 1, long zxid; the body; trailer
 * long bodyLength, int CRC32C over header and body, int trailer magic 0x50444E45. A snapshot is
 * written to a temporary file and renamed into place on commit, so a crash never leaves a partial
 * snapshot under the final name. Not thread-safe.
 */
public final class SnapshotFiles {
  /** Name prefix of snapshot files. */
  public static final String PREFIX = "snapshot.";

  static final String TMP_SUFFIX = ".tmp";
  static final int MAGIC = 0x5044534E;
  static final int VERSION = 1;
  static final int TRAILER_MAGIC = 0x50444E45;
  static final int HEADER_BYTES = 16;
  static final int TRAILER_BYTES = 16;
  static final int BUFFER_BYTES = 64 * 1024;

  /** {@link #purge} keeps at least this many snapshots (callers should keep 3 or more). */
  public static final int RETAIN_COUNT_MIN = 1;

  private static final int HEX_DIGITS_MAX = 16;

  private final StorageDirectory dir;

  /** Opens the snapshots in {@code dir}, deleting leftovers of snapshots never committed. */
  public SnapshotFiles(StorageDirectory dir) throws IOException {
    this.dir = dir;
    for (String name : dir.list()) {
      if (name.startsWith(PREFIX) && name.endsWith(TMP_SUFFIX)) {
        dir.delete(name);
      }
    }
  }

  /** The file name of the snapshot at {@code zxid}. */
  public static String fileName(long zxid) {
    return PREFIX + Long.toHexString(zxid);
  }

  /**
   * Starts writing the snapshot at {@code zxid}; committing it replaces any snapshot already at
   * that zxid.
   *
   * @throws java.nio.file.FileAlreadyExistsException if a snapshot at that zxid is being written
   */
  public SnapshotOutput begin(long zxid) throws IOException {
    checkZxid(zxid);
    return SnapshotOutput.begin(dir, zxid);
  }

  /** The zxids of all committed snapshots, newest first; they are not validated. */
  public List<Long> listNewestFirst() throws IOException {
    List<Long> zxids = new ArrayList<>();
    for (String name : dir.list()) {
      long zxid = parse(name);
      if (zxid >= 0) {
        zxids.add(zxid);
      }
    }
    zxids.sort(Comparator.reverseOrder());
    return zxids;
  }

  /**
   * Opens the snapshot at {@code zxid} for streaming its body.
   *
   * @throws NoSuchFileException if there is none
   * @throws CorruptFileException if its header or trailer is wrong or the file is truncated
   */
  public SnapshotInput open(long zxid) throws IOException {
    checkZxid(zxid);
    return SnapshotInput.open(dir, zxid);
  }

  /**
   * Reads the whole snapshot once to check it.
   *
   * @return false if it is missing or damaged; other I/O errors are thrown
   */
  public boolean isValid(long zxid) throws IOException {
    try (SnapshotInput in = open(zxid)) {
      byte[] chunk = new byte[BUFFER_BYTES];
      while (in.read(chunk) >= 0) {
        // read() verifies the checksum when it reaches the end
      }
      in.verifyEnd();
      return true;
    } catch (CorruptFileException | NoSuchFileException e) {
      return false;
    }
  }

  /**
   * Deletes all snapshots but the newest {@code retainCount}, oldest first, and syncs.
   *
   * @throws IllegalArgumentException if {@code retainCount < } {@link #RETAIN_COUNT_MIN}
   */
  public void purge(int retainCount) throws IOException {
    if (retainCount < RETAIN_COUNT_MIN) {
      throw new IllegalArgumentException("must retain at least one snapshot: " + retainCount);
    }
    List<Long> zxids = listNewestFirst();
    for (int i = zxids.size() - 1; i >= retainCount; i--) {
      dir.delete(fileName(zxids.get(i)));
    }
    if (zxids.size() > retainCount) {
      dir.sync();
    }
  }

  /**
   * Deletes every snapshot newer than {@code zxid} and syncs: they hold txns a rewound history no
   * longer has (ZAB's TRUNC, or a snapshot installed from the leader).
   *
   * @return how many were deleted
   */
  public int deleteAfter(long zxid) throws IOException {
    int deleted = 0;
    for (long z : listNewestFirst()) {
      if (z > zxid) {
        dir.delete(fileName(z));
        deleted++;
      }
    }
    if (deleted > 0) {
      dir.sync();
    }
    return deleted;
  }

  private static long parse(String name) {
    if (!name.startsWith(PREFIX)) {
      return -1;
    }
    String hex = name.substring(PREFIX.length());
    if (hex.isEmpty() || hex.length() > HEX_DIGITS_MAX || !hex.matches("[0-9a-f]+")) {
      return -1;
    }
    long zxid = Long.parseUnsignedLong(hex, 16);
    return zxid >= 0 && Long.toHexString(zxid).equals(hex) ? zxid : -1;
  }

  private static void checkZxid(long zxid) {
    if (zxid < 0) {
      throw new IllegalArgumentException("negative zxid " + zxid);
    }
  }
}
