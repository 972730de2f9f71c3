package io.paddock.store.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * An in-memory {@link StorageDirectory} that loses, on {@link #crash}, whatever was not made
 * durable: the disk model for crash tests here and for the ZAB simulator.
 *
 * <p>Each file keeps its durable content (as of its last {@link StorageFile#force()}) and the
 * writes and truncations since then, in order. Creates, renames and deletes stay pending until
 * {@link #sync()}. Reads see everything (the page cache). A crash yields a new storage with the
 * durable state only; with torn writes, in addition a random prefix of each file's pending
 * operations and of the pending directory operations survives (journaling filesystems keep metadata
 * in order), and the last surviving write of a file may survive only partly: a random prefix of its
 * bytes, or its bytes with random 512-byte sectors missing (read as zeros).
 *
 * <p>Faults: failed writes (disk full), failed forces (EIO), flipped bytes. Counters let tests
 * assert how many forces and syncs happened, and an operation listener sees every mutation, so a
 * test can crash a copy of the disk after each one. Not thread-safe; deterministic for a given
 * sequence of calls and random source.
 */
public final class SimulatedStorage implements StorageDirectory {
  /** The unit of a torn write: sectors are written whole or not at all. */
  public static final int SECTOR_BYTES = 512;

  /** Message of the IOException thrown by an injected write failure. */
  public static final String DISK_FULL_MESSAGE = "No space left on device";

  /** Message of the IOException thrown by an injected force failure. */
  public static final String FORCE_FAILED_MESSAGE = "Input/output error";

  private final String label;
  private final Map<String, SimulatedInode> names = new TreeMap<>();
  private final Map<String, SimulatedInode> durableNames = new TreeMap<>();
  private final List<DirOp> pendingDirOps = new ArrayList<>();
  private Consumer<String> listener = op -> {};
  private int writesToFail;
  private int forcesToFail;
  private boolean diskFull;
  private int forceCount;
  private int syncCount;
  private int writeCount;
  private long operationCount;

  /** An empty disk labelled "disk". */
  public SimulatedStorage() {
    this("disk");
  }

  /**
   * An empty disk.
   *
   * @param label names the disk in {@link #describe(String)}, e.g. the simulated server's id
   */
  public SimulatedStorage(String label) {
    this.label = label;
  }

  @Override
  public List<String> list() {
    return new ArrayList<>(names.keySet());
  }

  @Override
  public StorageFile open(String name) throws IOException {
    SimulatedInode inode = names.get(checked(name));
    if (inode == null) {
      throw new NoSuchFileException(describe(name));
    }
    return new SimFile(inode);
  }

  @Override
  public StorageFile create(String name) throws IOException {
    if (names.containsKey(checked(name))) {
      throw new FileAlreadyExistsException(describe(name));
    }
    SimulatedInode inode = new SimulatedInode();
    dirOp(new Create(name, inode), "create " + name);
    return new SimFile(inode);
  }

  @Override
  public void rename(String source, String target) throws IOException {
    if (!names.containsKey(checked(source))) {
      throw new NoSuchFileException(describe(source));
    }
    dirOp(new Rename(source, checked(target)), "rename " + source + " -> " + target);
  }

  @Override
  public boolean delete(String name) {
    if (!names.containsKey(checked(name))) {
      return false;
    }
    dirOp(new Delete(name), "delete " + name);
    return true;
  }

  @Override
  public void sync() {
    for (DirOp op : pendingDirOps) {
      op.applyTo(durableNames);
    }
    pendingDirOps.clear();
    syncCount++;
    mutated("sync");
  }

  @Override
  public String describe(String name) {
    return "sim:" + label + "/" + name;
  }

  @Override
  public boolean exists(String name) {
    return names.containsKey(name);
  }

  /**
   * Returns the disk as a restarted machine would find it; this storage is left unchanged.
   *
   * @param random decides what survives of the pending operations (used only with torn writes)
   * @param tornLastWrite false keeps exactly the durable state; true also keeps a random prefix of
   *     pending operations, the last write possibly torn
   */
  public SimulatedStorage crash(Random random, boolean tornLastWrite) {
    Map<String, SimulatedInode> surviving = new TreeMap<>(durableNames);
    if (tornLastWrite) {
      int keep = random.nextInt(pendingDirOps.size() + 1);
      for (DirOp op : pendingDirOps.subList(0, keep)) {
        op.applyTo(surviving);
      }
    }
    SimulatedStorage after = new SimulatedStorage(label);
    Map<SimulatedInode, SimulatedInode> copies = new IdentityHashMap<>();
    for (Map.Entry<String, SimulatedInode> e : surviving.entrySet()) {
      SimulatedInode copy =
          copies.computeIfAbsent(e.getValue(), inode -> inode.crashCopy(random, tornLastWrite));
      after.names.put(e.getKey(), copy);
      after.durableNames.put(e.getKey(), copy);
    }
    return after;
  }

  /** Returns the disk with exactly its durable state, as after a power cut. */
  public SimulatedStorage crash() {
    return crash(new Random(0), false);
  }

  /** Makes the next {@code n} writes fail with {@value #DISK_FULL_MESSAGE}, writing nothing. */
  public void failNextWrites(int n) {
    writesToFail = n;
  }

  /** While full, every write fails with {@value #DISK_FULL_MESSAGE}, writing nothing. */
  public void setDiskFull(boolean full) {
    diskFull = full;
  }

  /** Makes the next {@code n} forces fail with {@value #FORCE_FAILED_MESSAGE}, forcing nothing. */
  public void failNextForces(int n) {
    forcesToFail = n;
  }

  /**
   * Flips every bit of one byte of a file, both in its durable content and in what reads see: a
   * latent sector error that a checksum must catch.
   *
   * @throws IllegalArgumentException if the file does not exist or is not durably that long
   */
  public void corrupt(String file, long offset) {
    SimulatedInode inode = names.get(file);
    if (inode == null || offset < 0 || offset >= inode.durableSize()) {
      throw new IllegalArgumentException("cannot corrupt " + describe(file) + " at " + offset);
    }
    inode.flip((int) offset);
  }

  /** A copy of what reads of the file return now (durable or not). */
  public byte[] contentOf(String name) throws IOException {
    SimulatedInode inode = names.get(name);
    if (inode == null) {
      throw new NoSuchFileException(describe(name));
    }
    return inode.currentContent();
  }

  /** Calls {@code listener} after every mutating operation, with a short description of it. */
  public void setOperationListener(Consumer<String> listener) {
    this.listener = listener;
  }

  /** How many file forces succeeded. */
  public int forceCount() {
    return forceCount;
  }

  /** How many directory syncs happened. */
  public int syncCount() {
    return syncCount;
  }

  /** How many writes succeeded. */
  public int writeCount() {
    return writeCount;
  }

  /**
   * How many mutating operations (writes, truncations, forces, creates, renames, deletes, syncs).
   */
  public long operationCount() {
    return operationCount;
  }

  @Override
  public String toString() {
    return "SimulatedStorage[" + label + ", files=" + names.keySet() + "]";
  }

  private String checked(String name) {
    NioStorageDirectory.checkName(name);
    return name;
  }

  private void dirOp(DirOp op, String description) {
    op.applyTo(names);
    pendingDirOps.add(op);
    mutated(description);
  }

  private void mutated(String description) {
    operationCount++;
    listener.accept(description);
  }

  /** A create, rename or delete not yet synced. */
  private interface DirOp {
    void applyTo(Map<String, SimulatedInode> names);
  }

  private record Create(String name, SimulatedInode inode) implements DirOp {
    @Override
    public void applyTo(Map<String, SimulatedInode> names) {
      names.put(name, inode);
    }
  }

  private record Rename(String source, String target) implements DirOp {
    @Override
    public void applyTo(Map<String, SimulatedInode> names) {
      SimulatedInode inode = names.remove(source);
      if (inode != null) {
        names.put(target, inode);
      }
    }
  }

  private record Delete(String name) implements DirOp {
    @Override
    public void applyTo(Map<String, SimulatedInode> names) {
      names.remove(name);
    }
  }

  /** A handle on an inode; it survives renames and deletes of the name, as on POSIX. */
  private final class SimFile implements StorageFile {
    private final SimulatedInode inode;
    private boolean closed;

    SimFile(SimulatedInode inode) {
      this.inode = inode;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
      checkOpen();
      return inode.read(position, dst);
    }

    @Override
    public void write(long position, ByteBuffer src) throws IOException {
      checkOpen();
      if (diskFull || writesToFail > 0) {
        writesToFail = Math.max(0, writesToFail - 1);
        throw new IOException(DISK_FULL_MESSAGE);
      }
      if (!src.hasRemaining()) {
        return;
      }
      byte[] data = new byte[src.remaining()];
      src.get(data);
      inode.write(position, data);
      writeCount++;
      mutated("write @" + position + " +" + data.length);
    }

    @Override
    public void force() throws IOException {
      checkOpen();
      if (forcesToFail > 0) {
        forcesToFail--;
        throw new IOException(FORCE_FAILED_MESSAGE);
      }
      inode.force();
      forceCount++;
      mutated("force");
    }

    @Override
    public long size() throws IOException {
      checkOpen();
      return inode.currentSize();
    }

    @Override
    public void truncate(long size) throws IOException {
      checkOpen();
      if (size < inode.currentSize()) {
        inode.truncate(size);
        mutated("truncate " + size);
      }
    }

    @Override
    public void close() {
      closed = true;
    }

    private void checkOpen() throws IOException {
      if (closed) {
        throw new IOException("file handle closed");
      }
    }
  }
}
