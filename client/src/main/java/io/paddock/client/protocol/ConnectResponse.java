package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Arrays;
import java.util.Objects;

/**
 * The first S→C frame of a connection: the session the server granted, or timeout 0 when the
 * session is invalid or expired. It has no {@link ReplyHeader}.
 *
 * <p>Jute record {@code ConnectResponse}: {@code int protocolVersion; int timeOut; long sessionId;
 * buffer passwd; boolean readOnly}, in this order on the wire. With a 16-byte password the payload
 * is 37 bytes, or 36 without the readOnly byte.
 *
 * <p>A server leaves the readOnly byte out when the client's ConnectRequest had none (PROTOCOL.md
 * §3.2). {@link #read} reads it only when a byte is left and records that in {@link
 * #readOnlyPresent()}; {@link #write} omits it when {@code readOnlyPresent} is false, and {@code
 * readOnly} is then always false.
 *
 * <p>The password array is not copied; the caller must not change it after handing it over. {@code
 * equals} and {@code hashCode} compare its contents; {@code toString} shows only its length.
 *
 * @param protocolVersion 0
 * @param timeoutMs the negotiated session timeout in ms (jute {@code timeOut}); 0 or less means the
 *     session is invalid or expired
 * @param sessionId the session id, 0 when invalid
 * @param passwd the session password, 16 bytes (16 zero bytes when invalid)
 * @param readOnly true if the server is read-only
 * @param readOnlyPresent whether the readOnly byte is on the wire
 */
public record ConnectResponse(
    int protocolVersion,
    int timeoutMs,
    long sessionId,
    byte[] passwd,
    boolean readOnly,
    boolean readOnlyPresent)
    implements JuteRecord {

  /** Forces {@code readOnly} to false when the byte is absent, so equal wire forms are equal. */
  public ConnectResponse {
    readOnly = readOnly && readOnlyPresent;
  }

  /** A response with the readOnly byte present. */
  public ConnectResponse(
      int protocolVersion, int timeoutMs, long sessionId, byte[] passwd, boolean readOnly) {
    this(protocolVersion, timeoutMs, sessionId, passwd, readOnly, true);
  }

  /** Writes the jute form, with the readOnly byte only when {@link #readOnlyPresent()}. */
  @Override
  public void write(JuteWriter out) {
    out.writeInt(protocolVersion);
    out.writeInt(timeoutMs);
    out.writeLong(sessionId);
    out.writeBuffer(passwd);
    if (readOnlyPresent) {
      out.writeBool(readOnly);
    }
  }

  /**
   * Reads the jute form; the readOnly byte is read when at least one byte is left, and anything
   * after it is ignored.
   *
   * @throws io.paddock.store.codec.MalformedRecordException if the four fixed fields are cut short
   *     or the password length is out of bounds
   */
  public static ConnectResponse read(JuteReader in) {
    int protocolVersion = in.readInt();
    int timeoutMs = in.readInt();
    long sessionId = in.readLong();
    byte[] passwd = in.readBuffer();
    boolean present = in.hasRemaining();
    boolean readOnly = present && in.readBool();
    return new ConnectResponse(protocolVersion, timeoutMs, sessionId, passwd, readOnly, present);
  }

  /** Value equality, comparing the password by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectResponse other
        && protocolVersion == other.protocolVersion
        && timeoutMs == other.timeoutMs
        && sessionId == other.sessionId
        && Arrays.equals(passwd, other.passwd)
        && readOnly == other.readOnly
        && readOnlyPresent == other.readOnlyPresent;
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    int h = Objects.hash(protocolVersion, timeoutMs, sessionId, readOnly, readOnlyPresent);
    return 31 * h + Arrays.hashCode(passwd);
  }

  /** The fields, with the password shown by length only. */
  @Override
  public String toString() {
    return "ConnectResponse[protocolVersion="
        + protocolVersion
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
