package io.paddock.server.core;

import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real directories whose file forces (fsyncs) under one chosen directory are counted, to see group
 * commit at work.
 */
final class CountingStorage implements StorageOpener {
  private final Path counted;
  private final AtomicLong forces = new AtomicLong();

  CountingStorage(Path counted) {
    this.counted = counted.toAbsolutePath();
  }

  long forces() {
    return forces.get();
  }

  @Override
  public StorageDirectory open(Path path) throws IOException {
    StorageDirectory real = new NioStorageDirectory(path);
    return path.toAbsolutePath().startsWith(counted) ? new Counting(real) : real;
  }

  private final class Counting implements StorageDirectory {
    private final StorageDirectory real;

    Counting(StorageDirectory real) {
      this.real = real;
    }

    @Override
    public List<String> list() throws IOException {
      return real.list();
    }

    @Override
    public StorageFile open(String name) throws IOException {
      return new CountingFile(real.open(name));
    }

    @Override
    public StorageFile create(String name) throws IOException {
      return new CountingFile(real.create(name));
    }

    @Override
    public void rename(String source, String target) throws IOException {
      real.rename(source, target);
    }

    @Override
    public boolean delete(String name) throws IOException {
      return real.delete(name);
    }

    @Override
    public void sync() throws IOException {
      real.sync();
    }

    @Override
    public String describe(String name) {
      return real.describe(name);
    }
  }

  private final class CountingFile implements StorageFile {
    private final StorageFile real;

    CountingFile(StorageFile real) {
      this.real = real;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
      return real.read(position, dst);
    }

    @Override
    public void write(long position, ByteBuffer src) throws IOException {
      real.write(position, src);
    }

    @Override
    public void force() throws IOException {
      real.force();
      forces.incrementAndGet();
    }

    @Override
    public long size() throws IOException {
      return real.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      real.truncate(size);
    }

    @Override
    public void close() throws IOException {
      real.close();
    }
  }
}
