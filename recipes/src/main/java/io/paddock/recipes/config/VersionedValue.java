package io.paddock.recipes.config;

/**
 * A value with the data version of its node, for compare-and-set.
 *
 * @param value the value
 * @param version the node's data version
 * @param <T> the value type
 */
public record VersionedValue<T>(T value, int version) {}
