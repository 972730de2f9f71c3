package io.paddock.store.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The production {@link StorageDirectory}: a real directory, accessed through java.nio. */
public final class NioStorageDirectory implements StorageDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(NioStorageDirectory.class);

  private final Path directory;

  /**
   * Opens a directory, creating it (and its parents) if missing.
   *
   * @param directory where the files live
   */
  public NioStorageDirectory(Path directory) throws IOException {
    this.directory = directory.toAbsolutePath();
    Files.createDirectories(this.directory);
  }

  /** The absolute path of the directory. */
  public Path path() {
    return directory;
  }

  @Override
  public List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  @Override
  public StorageFile open(String name) throws IOException {
    return new NioFile(
        FileChannel.open(resolve(name), StandardOpenOption.READ, StandardOpenOption.WRITE));
  }

  @Override
  public StorageFile create(String name) throws IOException {
    return new NioFile(
        FileChannel.open(
            resolve(name),
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE));
  }

  @Override
  public void rename(String source, String target) throws IOException {
    // rename(2) replaces the target atomically; ATOMIC_MOVE maps to it on POSIX systems.
    Files.move(
        resolve(source),
        resolve(target),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public boolean delete(String name) throws IOException {
    return Files.deleteIfExists(resolve(name));
  }

  @Override
  public void sync() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms and filesystems cannot open or fsync a directory; there the rename or
      // create is as durable as the filesystem makes it, and there is nothing better to do.
      LOG.debug("Directory fsync not supported for {}: {}", directory, e.toString());
    }
  }

  @Override
  public String describe(String name) {
    return directory.resolve(name).toString();
  }

  @Override
  public boolean exists(String name) {
    return Files.exists(resolve(name));
  }

  @Override
  public String toString() {
    return "NioStorageDirectory[" + directory + "]";
  }

  private Path resolve(String name) {
    checkName(name);
    return directory.resolve(name);
  }

  /**
   * Rejects names that are not a plain file name in one flat directory.
   *
   * @throws IllegalArgumentException for empty names, "." and "..", or names with separators
   */
  static void checkName(String name) {
    if (name.isEmpty()
        || name.equals(".")
        || name.equals("..")
        || name.indexOf('/') >= 0
        || name.indexOf('\\') >= 0
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("not a plain file name: '" + name + "'");
    }
  }

  /** A {@link StorageFile} over a {@link FileChannel}. */
  private static final class NioFile implements StorageFile {
    private final FileChannel channel;

    NioFile(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
      int total = 0;
      while (dst.hasRemaining()) {
        int n = channel.read(dst, position + total);
        if (n <= 0) {
          break;
        }
        total += n;
      }
      return total;
    }

    @Override
    public void write(long position, ByteBuffer src) throws IOException {
      long at = position;
      while (src.hasRemaining()) {
        at += channel.write(src, at);
      }
    }

    @Override
    public void force() throws IOException {
      // fdatasync: the data and the size needed to read it back; mtime is not worth a journal
      // commit on every group commit.
      channel.force(false);
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public void truncate(long size) throws IOException {
      channel.truncate(size);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
