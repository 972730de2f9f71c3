package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;

/**
 * Changes the ensemble membership: the body of reconfig (16).
 *
 * <p>Jute record {@code ReconfigRequest}: {@code ustring joiningServers; ustring leavingServers;
 * ustring newMembers; long curConfigId}, in this order on the wire.
 *
 * <p>The reply is a GetDataResponse holding the new configuration text and the stat of {@code
 * /zookeeper/config}.
 *
 * @param joiningServers comma-separated server specs to add, or null
 * @param leavingServers comma-separated server ids to remove, or null
 * @param newMembers the complete new membership (non-incremental), or null
 * @param curConfigId the expected current config version, −1 for any
 */
public record ReconfigRequest(
    String joiningServers, String leavingServers, String newMembers, long curConfigId)
    implements Request {
  /** Writes the jute form. */
  @Override
  public void write(JuteWriter out) {
    out.writeString(joiningServers);
    out.writeString(leavingServers);
    out.writeString(newMembers);
    out.writeLong(curConfigId);
  }

  /**
   * Reads the jute form.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the bytes are cut short or a length
   *     is out of bounds
   */
  public static ReconfigRequest read(JuteReader in) {
    return new ReconfigRequest(in.readString(), in.readString(), in.readString(), in.readLong());
  }
}
