package io.paddock.store.watch;

import java.util.Objects;

/**
 * One notification to send: which watcher is told of which event. {@link WatchRegistry#trigger}
 * returns these; the server turns each into a {@code ReplyHeader(xid −1, zxid) + WatcherEvent}
 * frame on the watcher's connection, after its own READ-ACL check (PROTOCOL 8.1).
 *
 * @param watcher the watcher to tell (the server's connection object)
 * @param event what happened
 * @param <W> the watcher type
 */
public record WatchDelivery<W>(W watcher, WatchEvent event) {
  /** Checks the fields are present. */
  public WatchDelivery {
    Objects.requireNonNull(watcher, "watcher");
    Objects.requireNonNull(event, "event");
  }
}
