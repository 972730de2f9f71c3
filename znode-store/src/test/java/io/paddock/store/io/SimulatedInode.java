package io.paddock.store.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One file of a {@link SimulatedStorage}: its durable content, what reads see, and the writes and
 * truncations in between, in order, until the next force.
 */
final class SimulatedInode {
  private Bytes durable = new Bytes();
  private Bytes current = new Bytes();
  private final List<FileOp> pending = new ArrayList<>();

  int read(long position, ByteBuffer dst) {
    if (position >= current.size) {
      return 0;
    }
    int n = (int) Math.min(dst.remaining(), current.size - position);
    dst.put(current.data, (int) position, n);
    return n;
  }

  void write(long position, byte[] data) {
    apply(new Write(position, data));
  }

  void truncate(long size) {
    apply(new Truncate(size));
  }

  void force() {
    for (FileOp op : pending) {
      op.applyTo(durable);
    }
    pending.clear();
  }

  int currentSize() {
    return current.size;
  }

  int durableSize() {
    return durable.size;
  }

  byte[] currentContent() {
    return Arrays.copyOf(current.data, current.size);
  }

  /** Flips every bit of a byte in the durable content and, if it reaches, in what reads see. */
  void flip(int offset) {
    durable.flip(offset);
    if (offset < current.size) {
      current.flip(offset);
    }
  }

  /**
   * The file as a crash leaves it: the durable content, and with {@code torn} a random prefix of
   * the pending operations, the last write of which may be torn.
   */
  SimulatedInode crashCopy(Random random, boolean torn) {
    SimulatedInode copy = new SimulatedInode();
    copy.current = durable.copy();
    if (torn && !pending.isEmpty()) {
      int keep = random.nextInt(pending.size() + 1);
      for (int i = 0; i < keep; i++) {
        FileOp op = pending.get(i);
        if (i == keep - 1 && op instanceof Write w) {
          w.tearInto(copy.current, random);
        } else {
          op.applyTo(copy.current);
        }
      }
    }
    copy.durable = copy.current.copy();
    return copy;
  }

  private void apply(FileOp op) {
    op.applyTo(current);
    pending.add(op);
  }

  /** A growable byte array: one version of a file's content. */
  private static final class Bytes {
    byte[] data = new byte[0];
    int size;

    Bytes copy() {
      Bytes b = new Bytes();
      b.data = Arrays.copyOf(data, size);
      b.size = size;
      return b;
    }

    void write(long position, byte[] src, int length) {
      if (length == 0) {
        return;
      }
      if (position + length > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("simulated files are limited to 2 GiB");
      }
      int end = (int) position + length;
      if (end > data.length) {
        data = Arrays.copyOf(data, Math.max(end, Math.min(Integer.MAX_VALUE - 8, data.length * 2)));
      }
      if (position > size) {
        Arrays.fill(data, size, (int) position, (byte) 0);
      }
      System.arraycopy(src, 0, data, (int) position, length);
      size = Math.max(size, end);
    }

    void truncate(long newSize) {
      if (newSize < size) {
        size = (int) newSize;
        Arrays.fill(data, size, data.length, (byte) 0);
      }
    }

    void flip(int offset) {
      data[offset] = (byte) ~data[offset];
    }
  }

  /** A write or a truncation not yet forced. */
  private interface FileOp {
    void applyTo(Bytes bytes);
  }

  private record Write(long position, byte[] data) implements FileOp {
    @Override
    public void applyTo(Bytes bytes) {
      bytes.write(position, data, data.length);
    }

    /** Applies what a crash in the middle of this write leaves behind. */
    void tearInto(Bytes bytes, Random random) {
      switch (random.nextInt(3)) {
        case 0 -> applyTo(bytes);
        case 1 -> bytes.write(position, data, random.nextInt(data.length + 1));
        default -> {
          byte[] torn = data.clone();
          int sector = SimulatedStorage.SECTOR_BYTES;
          for (long s = position - position % sector; s < position + data.length; s += sector) {
            if (random.nextBoolean()) {
              int from = (int) Math.max(0, s - position);
              int to = (int) Math.min(data.length, s + sector - position);
              Arrays.fill(torn, from, to, (byte) 0);
            }
          }
          bytes.write(position, torn, torn.length);
        }
      }
    }
  }

  private record Truncate(long size) implements FileOp {
    @Override
    public void applyTo(Bytes bytes) {
      bytes.truncate(size);
    }
  }
}
