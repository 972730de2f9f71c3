package io.paddock.recipes;

/**
 * The default error policy: SUSPENDED and LOST are errors. Safest: a holder stops acting as owner
 * as soon as its connection drops, before anyone else can be granted what it held.
 */
public final class StandardConnectionStateErrorPolicy implements ConnectionStateErrorPolicy {
  /** {@inheritDoc} */
  @Override
  public boolean isErrorState(ConnectionState state) {
    return state == ConnectionState.SUSPENDED || state == ConnectionState.LOST;
  }
}
