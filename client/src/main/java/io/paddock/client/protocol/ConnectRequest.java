package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The first C→S frame of a connection: opens a new session or resumes one. It has no {@link
 * RequestHeader}.
 *
 * <p>Jute record {@code ConnectRequest}: {@code int protocolVersion; long lastZxidSeen; int
 * timeOut; long sessionId; buffer passwd; boolean readOnly}, in this order on the wire. With a
 * 16-byte password the payload is 45 bytes, or 44 without the readOnly byte.
 *
 * <p>The trailing readOnly byte is optional (PROTOCOL.md §3.2): clients up to 3.3 leave it out.
 * {@link #read} reads it only when a byte is left and records whether it found one in {@link
 * #readOnlyPresent()}; a server must then treat the peer as an old client (no readOnly byte in the
 * reply, and a read-only server refuses it). {@link #write} omits the byte when {@code
 * readOnlyPresent} is false; {@code readOnly} is then always false.
 *
 * <p>The password array is not copied; the caller must not change it after handing it over. {@code
 * equals} and {@code hashCode} compare its contents; {@code toString} shows only its length.
 *
 * @param protocolVersion 0 in every ZooKeeper client
 * @param lastZxidSeen the highest zxid the client has seen in a ReplyHeader, 0 at first
 * @param timeoutMs the requested session timeout in ms (jute {@code timeOut})
 * @param sessionId 0 for a new session, else the session to resume
 * @param passwd 16 zero bytes for a new session, else the server-issued password
 * @param readOnly true if the client accepts a read-only server ({@code canBeReadOnly})
 * @param readOnlyPresent whether the readOnly byte is on the wire
 */
public record ConnectRequest(
    int protocolVersion,
    long lastZxidSeen,
    int timeoutMs,
    long sessionId,
    byte[] passwd,
    boolean readOnly,
    boolean readOnlyPresent)
    implements JuteRecord {

  /** Forces {@code readOnly} to false when the byte is absent, so equal wire forms are equal. */
  public ConnectRequest {
    readOnly = readOnly && readOnlyPresent;
  }

  /** A request with the readOnly byte present, as every 3.4+ client sends. */
  public ConnectRequest(
      int protocolVersion,
      long lastZxidSeen,
      int timeoutMs,
      long sessionId,
      byte[] passwd,
      boolean readOnly) {
    this(protocolVersion, lastZxidSeen, timeoutMs, sessionId, passwd, readOnly, true);
  }

  /** Writes the jute form, with the readOnly byte only when {@link #readOnlyPresent()}. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(protocolVersion);
    out.writeLong(lastZxidSeen);
    out.writeInt(timeoutMs);
    out.writeLong(sessionId);
    out.writeBuffer(passwd);
    if (readOnlyPresent) {
      out.writeBool(readOnly);
    }
  }

  /**
   * Reads the jute form; the readOnly byte is read when at least one byte is left (ZooKeeper's
   * ProtocolManager rule), and anything after it is ignored.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the five fixed fields are cut short
   *     or the password length is out of bounds
   */
  public static ConnectRequest read(JuteReader in) {
    int protocolVersion = in.readInt();
    long lastZxidSeen = in.readLong();
    int timeoutMs = in.readInt();
    long sessionId = in.readLong();
    byte[] passwd = in.readBuffer();
    boolean present = in.hasRemaining();
    boolean readOnly = present && in.readBool();
    return new ConnectRequest(
        protocolVersion, lastZxidSeen, timeoutMs, sessionId, passwd, readOnly, present);
  }

  /** Value equality, comparing the password by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectRequest other
        && protocolVersion == other.protocolVersion
        && lastZxidSeen == other.lastZxidSeen
        && timeoutMs == other.timeoutMs
        && sessionId == other.sessionId
        && Arrays.equals(passwd, other.passwd)
        && readOnly == other.readOnly
        && readOnlyPresent == other.readOnlyPresent;
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h =
        Objects.hash(
            protocolVersion, lastZxidSeen, timeoutMs, sessionId, readOnly, readOnlyPresent);
    return 31 * h + Arrays.hashCode(passwd);
  }

  /** The fields, with the password shown by length only. */
  @Override
  public String toString() {
    return "ConnectRequest[protocolVersion="
        + protocolVersion
        + ", lastZxidSeen=0x"
        + Long.toHexString(lastZxidSeen)
        + ", timeoutMs="
        + timeoutMs
        + ", sessionId=0x"
        + Long.toHexString(sessionId)
        + ", passwd="
        + Jute.describe(passwd)
        + ", readOnly="
        + (readOnlyPresent ? readOnly : "absent")
        + "]";
  }
}
