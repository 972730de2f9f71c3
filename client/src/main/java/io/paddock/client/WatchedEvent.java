package io.paddock.client;

import io.paddock.store.model.EventType;

/**
 * One event delivered to a {@link Watcher}.
 *
 * <p>Node events ({@code NODE_CREATED}, {@code NODE_DELETED}, {@code NODE_DATA_CHANGED}, {@code
 * NODE_CHILDREN_CHANGED}) carry the node's path as the client sees it (chroot stripped) and the
 * zxid of the change; events the server generated while re-registering watches after a reconnect
 * carry zxid −1. Watch-removal events ({@code DATA_WATCH_REMOVED}, {@code CHILD_WATCH_REMOVED},
 * {@code PERSISTENT_WATCH_REMOVED}) are made by the client when removeWatches succeeds. {@code
 * NONE} events report a connection-state change: path null, zxid −1.
 *
 * @param type what happened
 * @param state the connection state the event belongs to: {@link ConnectionState#CONNECTED} (or
 *     read-only) for node events, the new state for {@code NONE} events
 * @param path the client path of the node, or null for {@code NONE}
 * @param zxid the zxid of the change, or −1 when there is none
 */
public record WatchedEvent(EventType type, ConnectionState state, String path, long zxid) {}
