package io.paddock.client.protocol;

import io.paddock.store.codec.JuteWriter;

/**
 * A record of the ZooKeeper client wire protocol that encodes itself in jute binary form.
 *
 * <p>Every implementation also has a {@code static X read(JuteReader)} that decodes exactly the
 * bytes {@link #write} produces, field order being wire order.
 */
public interface JuteRecord {
  /** Appends the jute form of this record to {@code out}; nothing else (no length, no tag). */
  void write(JuteWriter out);

  /** The jute form of this record in a fresh array (convenient, not for hot paths). */
  default byte[] toBytes() {
    JuteWriter out = new JuteWriter();
    write(out);
    return out.toByteArray();
  }
}
