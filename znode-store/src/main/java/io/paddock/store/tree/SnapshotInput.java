package io.paddock.store.tree;

import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads jute fields from a stream, exactly: it never reads past the field it was asked for, so a
 * caller may keep reading its own trailer from the same stream. Pass a buffered stream. Every
 * length is checked against a named maximum before anything is allocated, and a stream that ends
 * early fails with {@link MalformedRecordException} naming the field and the offset.
 */
final class SnapshotInput {
  private final InputStream in;
  private final byte[] scratch = new byte[Long.BYTES];
  private long offset;

  SnapshotInput(InputStream in) {
    this.in = in;
  }

  /** Bytes read so far. */
  long offset() {
    return offset;
  }

  private void readFully(byte[] b, int length, String what) throws IOException {
    int n = in.readNBytes(b, 0, length);
    if (n < length) {
      throw new MalformedRecordException(
          "snapshot ends at byte "
              + (offset + n)
              + " inside "
              + what
              + " ("
              + length
              + " bytes needed)");
    }
    offset += length;
  }

  int readInt(String what) throws IOException {
    readFully(scratch, Integer.BYTES, what);
    return ((scratch[0] & 0xff) << 24)
        | ((scratch[1] & 0xff) << 16)
        | ((scratch[2] & 0xff) << 8)
        | (scratch[3] & 0xff);
  }

  long readLong(String what) throws IOException {
    readFully(scratch, Long.BYTES, what);
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v = (v << 8) | (scratch[i] & 0xff);
    }
    return v;
  }

  /** A count in {@code [0, max]}. */
  int readCount(String what, int max) throws IOException {
    int count = readInt(what);
    if (count < 0 || count > max) {
      throw new MalformedRecordException(
          what + " " + count + " at byte " + (offset - Integer.BYTES) + " is outside 0.." + max);
    }
    return count;
  }

  /** A buffer of at most {@code max} bytes; length −1 reads as null. */
  byte[] readBuffer(String what, int max) throws IOException {
    int length = readInt(what + " length");
    if (length == JuteWriter.NULL_LENGTH) {
      return null;
    }
    if (length < 0 || length > max) {
      throw new MalformedRecordException(
          what
              + " length "
              + length
              + " at byte "
              + (offset - Integer.BYTES)
              + " is outside 0.."
              + max);
    }
    byte[] b = new byte[length];
    readFully(b, length, what);
    return b;
  }

  private String readString(String what) throws IOException {
    byte[] b = readBuffer(what, SnapshotCodec.ACL_STRING_BYTES_MAX);
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  /** A non-null {@code vector<ACL>}. */
  List<Acl> readAclList(String what) throws IOException {
    int count = readCount(what + " entry count", SnapshotCodec.ACL_ENTRIES_MAX);
    List<Acl> acl = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int perms = readInt(what + " perms");
      String scheme = readString(what + " scheme");
      String id = readString(what + " id");
      acl.add(new Acl(perms, new Id(scheme, id)));
    }
    return acl;
  }

  /** Checks the stream holds nothing more. */
  void expectEnd() throws IOException {
    if (in.read() >= 0) {
      throw new MalformedRecordException("snapshot has trailing bytes after byte " + offset);
    }
  }
}
