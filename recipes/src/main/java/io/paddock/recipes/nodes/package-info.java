/**
 * Nodes that stay present: {@link io.paddock.recipes.nodes.PersistentNode} (re-created after an
 * external delete, a reconnect or a session loss; optionally protected and sequential, keeping its
 * name) and {@link io.paddock.recipes.nodes.PersistentTtlNode} (a TTL node kept alive by touching a
 * child, reaped by the server once its owner stops).
 */
package io.paddock.recipes.nodes;
