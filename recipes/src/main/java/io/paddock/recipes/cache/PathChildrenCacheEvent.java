package io.paddock.recipes.cache;

/**
 * A change of a {@link PathChildrenCache}.
 *
 * @param type what happened
 * @param data the child after the change (the removed child for CHILD_REMOVED), or null for the
 *     events that concern no child
 * @param oldData the child before an update, else null
 */
public record PathChildrenCacheEvent(Type type, ChildData data, ChildData oldData) {
  /** The kinds of event. */
  public enum Type {
    /** A child appeared. */
    CHILD_ADDED,
    /** A child's data changed. */
    CHILD_UPDATED,
    /** A child went away. */
    CHILD_REMOVED,
    /** The first full read is done. */
    INITIALIZED,
    /** A re-read after a reconnect or session loss is done; the cache equals the server again. */
    RESYNCED,
    /** The connection dropped. */
    CONNECTION_SUSPENDED,
    /** The connection is back; RESYNCED follows. */
    CONNECTION_RECONNECTED,
    /** The session was lost; a new one re-reads, then RESYNCED. */
    CONNECTION_LOST
  }
}
