package io.paddock.recipes.config;

import java.util.Optional;

/**
 * One change of a configuration key.
 *
 * @param key the key
 * @param oldValue the value before (empty if the key was new)
 * @param newValue the value now (empty if the key was removed)
 * @param version the key's data version now, or −1 when removed
 * @param <T> the value type
 */
public record ConfigChange<T>(
    String key, Optional<T> oldValue, Optional<T> newValue, int version) {}
