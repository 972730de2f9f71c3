package io.paddock.recipes.shared;

import java.util.concurrent.Executor;

/** Read access to a shared value: the current value, its version, and change listeners. */
public interface SharedValueReader {
  /** The value as last read (a copy). */
  byte[] getValue();

  /** The value with the version it was read at: what {@code trySetValue} takes. */
  VersionedValue<byte[]> getVersionedValue();

  /** Adds a listener run on the recipe's notification thread. */
  void addListener(SharedValueListener listener);

  /** Adds a listener run on {@code executor}. */
  void addListener(SharedValueListener listener, Executor executor);

  /** Removes a listener. */
  void removeListener(SharedValueListener listener);
}
