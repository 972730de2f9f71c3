package io.paddock.server.badinput;

import io.paddock.client.protocol.JuteRecord;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.store.codec.JuteWriter;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Builders of client frames, valid ones and hand-broken ones (PROTOCOL 1, 2, 4). */
final class Frames {
  private Frames() {}

  /** A frame: the 4-byte big-endian length of {@code payload}, then the payload. */
  static byte[] frame(byte[] payload) {
    return concat(int32(payload.length), payload);
  }

  /** A 4-byte big-endian int, as a frame length or a jute int. */
  static byte[] int32(int v) {
    JuteWriter w = new JuteWriter();
    w.writeInt(v);
    return w.toByteArray();
  }

  /** The payload of a request: RequestHeader(xid, op), then the body when there is one. */
  static byte[] requestPayload(int xid, int op, JuteRecord body) {
    JuteWriter w = new JuteWriter();
    new RequestHeader(xid, op).write(w);
    if (body != null) {
      body.write(w);
    }
    return w.toByteArray();
  }

  /** A whole request frame. */
  static byte[] request(int xid, int op, JuteRecord body) {
    return frame(requestPayload(xid, op, body));
  }

  /** The first {@code length} bytes. */
  static byte[] cut(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  /** The arrays one after the other. */
  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  /** The bytes of a jute ustring written raw: its length, then the UTF-8 bytes given. */
  static byte[] ustring(int length, byte[] bytes) {
    return concat(int32(length), bytes);
  }

  /** Hex, for failure messages and bug reports. */
  static String hex(byte[] bytes, int max) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, max); i++) {
      s.append(String.format("%02x", bytes[i] & 0xff));
    }
    if (bytes.length > max) {
      s.append("…(").append(bytes.length).append(" bytes)");
    }
    return s.toString();
  }
}
