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
  /** How many bytes are read from the stream at a time. */
  static final int CHUNK_BYTES = 1 << 16;

  private final InputStream in;
  private final boolean exact;
  private final byte[] buffer;
  private int position;
  private int limit;

  /** Bytes the last read from the stream returned (what {@link #finish} can give back). */
  private int lastRead;

  private long offset;

  /**
   * Reads from {@code in}. A stream that supports mark/reset (a buffered stream) is read in chunks,
   * and {@link #finish()} gives back what was read past the last field; any other stream is read
   * field by field.
   */
  SnapshotInput(InputStream in) {
    this.in = in;
    this.exact = !in.markSupported();
    this.buffer = new byte[exact ? Long.BYTES : CHUNK_BYTES];
  }

  /** Bytes read so far. */
  long offset() {
    return offset;
  }

  /** Makes at least {@code need} (at most the buffer's size) bytes available, or fails. */
  private void fill(int need, String what) throws IOException {
    int available = limit - position;
    if (available >= need) {
      return;
    }
    System.arraycopy(buffer, position, buffer, 0, available);
    position = 0;
    limit = available;
    while (limit < need) {
      int want = exact ? need - limit : buffer.length - limit;
      if (!exact) {
        in.mark(want);
      }
      int n = in.read(buffer, limit, want);
      if (n < 0) {
        throw new MalformedRecordException(
            "snapshot ends at byte "
                + (offset + limit)
                + " inside "
                + what
                + " ("
                + need
                + " bytes needed)");
      }
      limit += n;
      lastRead = n;
    }
  }

  /**
   * Gives back to the stream the bytes read past the last field (chunked mode), so that the caller
   * can read its trailer. Every byte read before the stream's last read was consumed, so the bytes
   * left all come from that read, and mark/reset can return them.
   */
  void finish() throws IOException {
    int unread = limit - position;
    if (exact || unread == 0) {
      return;
    }
    if (unread > lastRead) {
      throw new IllegalStateException("more bytes buffered than the last read returned");
    }
    in.reset();
    long skip = lastRead - unread;
    while (skip > 0) {
      long n = in.skip(skip);
      if (n <= 0) {
        throw new IOException("cannot skip back over the snapshot body");
      }
      skip -= n;
    }
    position = limit;
  }

  private void readFully(byte[] b, int length, String what) throws IOException {
    readFully(b, 0, length, what);
  }

  private void readFully(byte[] b, int off, int length, String what) throws IOException {
    int done = 0;
    while (done < length) {
      if (position == limit) {
        fill(1, what);
      }
      int n = Math.min(length - done, limit - position);
      System.arraycopy(buffer, position, b, off + done, n);
      position += n;
      done += n;
    }
    offset += length;
  }

  int readInt(String what) throws IOException {
    fill(Integer.BYTES, what);
    byte[] b = buffer;
    int p = position;
    position = p + Integer.BYTES;
    offset += Integer.BYTES;
    return ((b[p] & 0xff) << 24)
        | ((b[p + 1] & 0xff) << 16)
        | ((b[p + 2] & 0xff) << 8)
        | (b[p + 3] & 0xff);
  }

  long readLong(String what) throws IOException {
    fill(Long.BYTES, what);
    byte[] b = buffer;
    int p = position;
    long v = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      v = (v << 8) | (b[p + i] & 0xff);
    }
    position = p + Long.BYTES;
    offset += Long.BYTES;
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
    if (position < limit || in.read() >= 0) {
      throw new MalformedRecordException("snapshot has trailing bytes after byte " + offset);
    }
  }
}
