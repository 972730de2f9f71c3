package io.paddock.store.model;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * The client-visible metadata of a znode: ZooKeeper's {@code Stat} record, eleven fields, 68 bytes
 * on the wire in this order.
 *
 * @param czxid zxid of the create
 * @param mzxid zxid of the last setData (the create counts)
 * @param ctime create time, ms since the epoch (the leader's clock when the txn was prepared)
 * @param mtime time of the last setData, ms
 * @param version data version
 * @param cversion child version as clients see it: child creates plus child deletes
 * @param aversion ACL version
 * @param ephemeralOwner the owning session for an ephemeral node, else 0 (containers and TTL nodes
 *     show 0)
 * @param dataLength length of the data, 0 when the data is null
 * @param numChildren number of children
 * @param pzxid zxid of the last child create or delete
 */
public record Stat(
    long czxid,
    long mzxid,
    long ctime,
    long mtime,
    int version,
    int cversion,
    int aversion,
    long ephemeralOwner,
    int dataLength,
    int numChildren,
    long pzxid) {

  /** Encoded size in bytes. */
  public static final int ENCODED_BYTES = 68;

  /** All fields zero, as the root and the {@code /zookeeper} nodes carry. */
  public static final Stat ZERO = new Stat(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** Writes the jute form. */
  public void write(JuteWriter out) {
    out.writeLong(czxid);
    out.writeLong(mzxid);
    out.writeLong(ctime);
    out.writeLong(mtime);
    out.writeInt(version);
    out.writeInt(cversion);
    out.writeInt(aversion);
    out.writeLong(ephemeralOwner);
    out.writeInt(dataLength);
    out.writeInt(numChildren);
    out.writeLong(pzxid);
  }

  /** Reads the jute form. */
  public static Stat read(JuteReader in) {
    return new Stat(
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readLong(),
        in.readInt(),
        in.readInt(),
        in.readInt(),
        in.readLong(),
        in.readInt(),
        in.readInt(),
        in.readLong());
  }
}
