package io.paddock.client;

import io.paddock.store.model.Stat;

/**
 * What a create returns.
 *
 * @param path the actual path of the new node, with any sequence suffix, chroot stripped
 * @param stat the new node's stat
 */
public record CreateResult(String path, Stat stat) {}
