package io.paddock.recipes.shared;

import io.paddock.recipes.ConnectionStateListener;

/**
 * Hears a shared value's changes, and the framework's connection states (while the connection is
 * down the value may be stale; after RECONNECTED it is read again).
 */
public interface SharedValueListener extends ConnectionStateListener {
  /**
   * The value changed (a newer version was read or written through this object).
   *
   * @param reader the shared value
   * @param newValue the new value (a copy)
   */
  void valueHasChanged(SharedValueReader reader, byte[] newValue) throws Exception;
}
