package io.paddock.store.tree;

import io.paddock.store.model.Stat;

/**
 * A getData answer.
 *
 * @param data the data (null when the node holds null); callers must not modify it
 * @param stat the node's stat
 */
public record ZnodeData(byte[] data, Stat stat) {}
