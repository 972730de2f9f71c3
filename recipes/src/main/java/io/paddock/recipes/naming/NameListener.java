package io.paddock.recipes.naming;

import java.util.Optional;

/** Hears a watched name change, on the watch's thread, in order. */
@FunctionalInterface
public interface NameListener {
  /**
   * The name was bound, rebound or unbound.
   *
   * @param name the name
   * @param data its data now, or empty when it is unbound
   */
  void nameChanged(String name, Optional<byte[]> data);
}
