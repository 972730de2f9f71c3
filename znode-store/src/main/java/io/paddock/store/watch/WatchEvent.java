package io.paddock.store.watch;

import io.paddock.store.model.EventType;
import java.util.Objects;

/**
 * A change that may fire watches: what happened, on which path, at which zxid.
 *
 * <p>{@code DataTree.apply} returns these in the order ZooKeeper sends them; the {@link
 * WatchRegistry} decides who is told.
 *
 * @param type NODE_CREATED, NODE_DELETED, NODE_DATA_CHANGED or NODE_CHILDREN_CHANGED
 * @param path the server path (no chroot)
 * @param zxid the zxid of the txn that fired it, or −1 for events made while re-registering watches
 */
public record WatchEvent(EventType type, String path, long zxid) {
  /** Checks the fields. */
  public WatchEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
  }
}
