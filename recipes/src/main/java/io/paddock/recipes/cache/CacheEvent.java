package io.paddock.recipes.cache;

/**
 * A change of a {@link TreeCache} (and, renamed, of the other caches).
 *
 * @param type what happened
 * @param data the node after the change (the removed node for NODE_REMOVED), or null for the events
 *     that concern no node
 * @param oldData the node before an update, else null
 */
public record CacheEvent(Type type, ChildData data, ChildData oldData) {
  /** The kinds of event. */
  public enum Type {
    /** A node entered the cache. */
    NODE_ADDED,
    /** A cached node's data or stat changed (a new data version). */
    NODE_UPDATED,
    /** A node left the cache. */
    NODE_REMOVED,
    /** The first full read of the cache is done: it now equals the server. */
    INITIALIZED,
    /**
     * A re-read after a reconnect or session loss is done: changes made meanwhile have been
     * reported, and the cache equals the server again.
     */
    RESYNCED,
    /** The connection dropped; the cache may go stale until it reconnects. */
    CONNECTION_SUSPENDED,
    /** The connection is back; a re-read follows, ended by RESYNCED. */
    CONNECTION_RECONNECTED,
    /** The session was lost; a new one re-reads the cache, ended by RESYNCED. */
    CONNECTION_LOST
  }
}
