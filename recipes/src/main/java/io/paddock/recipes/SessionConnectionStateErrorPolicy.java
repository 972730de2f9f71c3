package io.paddock.recipes;

/**
 * An error policy in which only LOST is an error: ownership survives a short SUSPENDED. A holder
 * may then act while another has already been granted what it held (it cannot hear the server); use
 * fencing tokens and guards where that matters.
 */
public final class SessionConnectionStateErrorPolicy implements ConnectionStateErrorPolicy {
  /** {@inheritDoc} */
  @Override
  public boolean isErrorState(ConnectionState state) {
    return state == ConnectionState.LOST;
  }
}
