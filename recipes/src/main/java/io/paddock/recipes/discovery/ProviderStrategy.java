package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;

/**
 * Picks one instance among the usable ones; called concurrently, so implementations are
 * thread-safe.
 */
@FunctionalInterface
public interface ProviderStrategy {
  /**
   * Picks an instance.
   *
   * @param instances the usable instances, sorted by id; may be empty
   * @return the pick, or empty when there is none
   */
  Optional<ServiceInstance> choose(List<ServiceInstance> instances);
}
