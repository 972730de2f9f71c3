package io.paddock.recipes.internal;

import io.paddock.client.PaddockClient;
import io.paddock.client.Watcher;
import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watches one watcher-removing facade has set and that may still be armed, so that {@link
 * #removeAll} can remove them when the recipe closes. One-shot watches leave the set when they
 * fire.
 */
public final class WatcherTracker {
  /** One armed watch: server path, the registered watcher, and its type. */
  record Armed(String fullPath, Watcher watcher, WatcherType type) {}

  private final Set<Armed> armed = ConcurrentHashMap.newKeySet();

  /** Records a watch set on a server path. */
  public void armed(String fullPath, Watcher watcher, WatcherType type) {
    armed.add(new Armed(fullPath, watcher, type));
  }

  /** A node event reached {@code watcher}: forget the one-shot watches it consumed. */
  public void fired(String fullPath, EventType type, Watcher watcher) {
    switch (type) {
      case NODE_CREATED, NODE_DATA_CHANGED ->
          armed.remove(new Armed(fullPath, watcher, WatcherType.DATA));
      case NODE_CHILDREN_CHANGED ->
          armed.remove(new Armed(fullPath, watcher, WatcherType.CHILDREN));
      case NODE_DELETED -> {
        armed.remove(new Armed(fullPath, watcher, WatcherType.DATA));
        armed.remove(new Armed(fullPath, watcher, WatcherType.CHILDREN));
      }
      default -> {
        // state events and removal notices consume nothing
      }
    }
  }

  /** Forgets a watch removed explicitly. */
  public void removed(String fullPath, Watcher watcher, WatcherType type) {
    armed.remove(new Armed(fullPath, watcher, type));
  }

  /** How many watches may still be armed. */
  public int size() {
    return armed.size();
  }

  /**
   * Removes every watch still armed, ignoring those already gone (NoWatcher) and failures of a dead
   * session (its watches are gone with it).
   */
  public CompletableFuture<Void> removeAll(PaddockClient client) {
    List<CompletableFuture<Void>> removals = new ArrayList<>();
    for (Armed a : List.copyOf(armed)) {
      armed.remove(a);
      removals.add(
          Failures.call(() -> client.removeWatches(a.fullPath(), a.watcher(), a.type()))
              .exceptionally(e -> null));
    }
    return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
  }
}
