package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The absent body of a reply that has none: delete, ping, auth, setWatches, setWatches2,
 * checkWatches, removeWatches, deleteContainer and closeSession.
 *
 * <p>Writes nothing and reads nothing; bytes left in the frame are ignored, as ZooKeeper does.
 */
public record EmptyResponse() implements Response {
  /** The one value. */
  public static final EmptyResponse INSTANCE = new EmptyResponse();

  /** Writes nothing. */
  @Override
  public void write(JuteWriter out) {}

  /** Reads nothing and returns {@link #INSTANCE}. */
  public static EmptyResponse read(JuteReader in) {
    return INSTANCE;
  }
}
