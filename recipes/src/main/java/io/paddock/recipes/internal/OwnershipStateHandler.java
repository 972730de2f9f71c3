package io.paddock.recipes.internal;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.ConnectionStateListener;
import io.paddock.recipes.PaddockFramework;
import java.util.function.Consumer;

/**
 * The connection-state handling every ownership recipe shares: in a state the framework's error
 * policy calls an error, the recipe gives up what it holds ({@code onError}); when the connection
 * is back, it looks again ({@code onReconnected}: RECONNECTED, or CONNECTED after a start while
 * disconnected). Register it with {@link #register()}, drop it with {@link #unregister()}.
 */
public final class OwnershipStateHandler implements ConnectionStateListener {
  private final PaddockFramework framework;
  private final Consumer<ConnectionState> onError;
  private final Consumer<ConnectionState> onReconnected;

  /**
   * A handler.
   *
   * @param onError called with SUSPENDED (Standard policy only) or LOST
   * @param onReconnected called with RECONNECTED or CONNECTED
   */
  public OwnershipStateHandler(
      PaddockFramework framework,
      Consumer<ConnectionState> onError,
      Consumer<ConnectionState> onReconnected) {
    this.framework = framework;
    this.onError = onError;
    this.onReconnected = onReconnected;
  }

  /** Starts listening. */
  public void register() {
    framework.addConnectionStateListener(this);
  }

  /** Stops listening. */
  public void unregister() {
    framework.removeConnectionStateListener(this);
  }

  @Override
  public void stateChanged(PaddockFramework source, ConnectionState newState) {
    if (framework.errorPolicy().isErrorState(newState)) {
      onError.accept(newState);
    } else if (newState == ConnectionState.RECONNECTED || newState == ConnectionState.CONNECTED) {
      onReconnected.accept(newState);
    }
  }
}
