package io.paddock.recipes.locks;

import io.paddock.client.WatchedEvent;
import io.paddock.client.Watcher;
import io.paddock.recipes.WatcherRemovingFramework;
import io.paddock.store.model.EventType;
import io.paddock.store.model.WatcherType;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * A holder's data watch on its own node: when another process writes {@link Revoker#REVOKE_MESSAGE}
 * into it, the listener runs (once per grant) on the executor. Any other change re-arms the watch.
 */
final class RevocationWatch implements Watcher {
  private final WatcherRemovingFramework framework;
  private final String nodePath;
  private final Runnable onRevoke;
  private final Executor executor;
  private volatile boolean done;

  RevocationWatch(
      WatcherRemovingFramework framework, String nodePath, Runnable onRevoke, Executor executor) {
    this.framework = framework;
    this.nodePath = nodePath;
    this.onRevoke = onRevoke;
    this.executor = executor;
  }

  /** Arms the watch (and fires at once if the request was written already). */
  void arm() {
    if (done) {
      return;
    }
    framework
        .getData()
        .usingWatcher(this)
        .forPathAsync(nodePath)
        .thenAccept(
            data -> {
              if (Arrays.equals(data, Revoker.REVOKE_MESSAGE)) {
                fire();
              }
            });
  }

  /** Stops watching: the grant ended. */
  void disarm() {
    done = true;
    framework.watches().remove(this).ofType(WatcherType.DATA).quietly().forPathAsync(nodePath);
  }

  @Override
  public void process(WatchedEvent event) {
    if (event.type() == EventType.NODE_DATA_CHANGED) {
      arm();
    }
  }

  private synchronized void fire() {
    if (done) {
      return;
    }
    done = true;
    executor.execute(onRevoke);
  }
}
