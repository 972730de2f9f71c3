package io.paddock.store.io;

import java.io.IOException;
import java.util.List;

/**
 * The file seam of the store: one flat directory of named files.
 *
 * <p>Creates, renames and deletes become durable only after {@link #sync()}; file contents only
 * after {@link StorageFile#force()}. Production uses {@link NioStorageDirectory}; crash tests use
 * an in-memory directory that forgets whatever was not made durable. Names are plain file names
 * without separators.
 */
public interface StorageDirectory {

  /** The names of all files in the directory, sorted. */
  List<String> list() throws IOException;

  /**
   * Opens an existing file for reading and writing.
   *
   * @throws java.nio.file.NoSuchFileException if there is no such file
   */
  StorageFile open(String name) throws IOException;

  /**
   * Creates a new, empty file and opens it for reading and writing.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the name is taken
   */
  StorageFile create(String name) throws IOException;

  /**
   * Atomically renames {@code source} to {@code target}, replacing {@code target} if it exists.
   *
   * @throws java.nio.file.NoSuchFileException if {@code source} does not exist
   */
  void rename(String source, String target) throws IOException;

  /**
   * Deletes a file if it exists.
   *
   * @return whether a file was deleted
   */
  boolean delete(String name) throws IOException;

  /** Makes every create, rename and delete so far durable (fsync of the directory). */
  void sync() throws IOException;

  /** Names a file for humans, in error messages and logs (the absolute path in production). */
  String describe(String name);

  /** Whether a file of that name exists. */
  default boolean exists(String name) throws IOException {
    return list().contains(name);
  }
}
