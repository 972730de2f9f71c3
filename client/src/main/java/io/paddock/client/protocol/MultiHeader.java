package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The header in front of each op of a {@link MultiRequest} and each result of a {@link
 * MultiResponse}, and the terminator after the last one.
 *
 * <p>Jute record {@code MultiHeader}: {@code int type; boolean done; int err}, 9 bytes. A request
 * op carries {@code (opCode, false, −1)}; a result carries {@code (resultType, false, err)}; the
 * list ends with {@link #TERMINATOR}, bytes {@code ffffffff 01 ffffffff}. Readers stop at the first
 * header whose {@code done} is true, whatever its type and err, as ZooKeeper does.
 *
 * @param type the op code of the op or result, −1 for an error result or the terminator
 * @param done true only for the terminator
 * @param err −1 in requests; the result's error code in responses (0 for success)
 */
public record MultiHeader(int type, boolean done, int err) implements JuteRecord {
  /** Encoded size in bytes. */
  public static final int ENCODED_BYTES = 9;

  /** The header that ends an op or result list: {@code (−1, true, −1)}. */
  public static final MultiHeader TERMINATOR = new MultiHeader(-1, true, -1);

  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(type);
    out.writeBool(done);
    out.writeInt(err);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if fewer than 9 bytes are left
   */
  public static MultiHeader read(JuteReader in) {
    return new MultiHeader(in.readInt(), in.readBool(), in.readInt());
  }
}
