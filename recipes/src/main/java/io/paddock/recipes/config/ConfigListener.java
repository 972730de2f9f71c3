package io.paddock.recipes.config;

/**
 * Hears configuration changes, on the subscriber's cache thread, in order.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ConfigListener<T> {
  /** One key changed. */
  void changed(ConfigChange<T> change);
}
