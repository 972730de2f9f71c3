package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The absent body of a request that has none: ping (11), closeSession (−11) and whoAmI (107).
 *
 * <p>Writes nothing and reads nothing; bytes left in the frame are ignored, as ZooKeeper does.
 */
public record EmptyRequest() implements Request {
  /** The one value. */
  public static final EmptyRequest INSTANCE = new EmptyRequest();

  /** Writes nothing. */
  @Override
  public void write(JuteWriter out) {}

  /** Reads nothing and returns {@link #INSTANCE}. */
  public static EmptyRequest read(JuteReader in) {
    return INSTANCE;
  }
}
