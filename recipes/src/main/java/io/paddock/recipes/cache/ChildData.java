package io.paddock.recipes.cache;

import io.paddock.store.model.Stat;

/**
 * One cached node.
 *
 * @param path the node's path, as a path of the framework facade the cache was built with
 * @param stat the node's stat when it was read
 * @param data the node's data, or null when the cache does not keep data; do not modify
 */
public record ChildData(String path, Stat stat, byte[] data) {}
