package io.paddock.server.core;

import io.paddock.store.io.NioStorageDirectory;
import io.paddock.store.io.StorageDirectory;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the directory the database keeps its files in; tests substitute a counting one. */
@FunctionalInterface
public interface StorageOpener {
  /**
   * Opens (creating if missing) the directory at {@code path}.
   *
   * @throws IOException when the directory cannot be created or opened
   */
  StorageDirectory open(Path path) throws IOException;

  /** Real directories through java.nio. */
  static StorageOpener nio() {
    return NioStorageDirectory::new;
  }
}
