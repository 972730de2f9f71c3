package io.paddock.store.txn;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The jute encoding of a txn, as logged and replicated.
 *
 * <p>Layout: the header ({@code long sessionId, int cxid, long zxid, long timeMs, int type}), then
 * the body: {@code int bodyType} (the {@link OpCode} of the txn kind, which may differ from the
 * header's request type, e.g. create2 carries a Create body) followed by its fields:
 *
 * <pre>
 * Create (1)           ustring path, buffer data, vector&lt;ACL&gt; acl, int flags, long ttlMs
 * Delete (2)           ustring path, int expectedVersion
 * SetData (5)          ustring path, buffer data, int expectedVersion
 * SetAcl (7)           ustring path, vector&lt;ACL&gt; acl, int expectedVersion
 * Check (13)           ustring path, int expectedVersion
 * Multi (14)           int count, then count × (int bodyType, fields); no nested multi
 * DeleteContainer (20) ustring path
 * CreateSession (−10)  int timeoutMs
 * CloseSession (−11)   nothing
 * Error (−1)           int err
 * </pre>
 *
 * Decoding is bounds-checked and strict: unknown types, unknown flags or error codes, null paths or
 * ACLs, nested multis and trailing bytes are all {@link MalformedRecordException}.
 */
public final class TxnCodec {
  /** The most ops one multi may carry. */
  public static final int MULTI_OPS_MAX = 1 << 20;

  private static final int TYPE_BYTES = 4;

  private TxnCodec() {}

  /** Encodes a txn into a new array. */
  public static byte[] encode(TxnHeader header, Txn txn) {
    JuteWriter out = new JuteWriter();
    encode(header, txn, out);
    return out.toByteArray();
  }

  /** Appends the encoding of a txn to {@code out}. */
  public static void encode(TxnHeader header, Txn txn, JuteWriter out) {
    out.writeLong(header.sessionId());
    out.writeInt(header.cxid());
    out.writeLong(header.zxid());
    out.writeLong(header.timeMs());
    out.writeInt(header.type());
    writeBody(txn, out);
  }

  private static int typeOf(Txn txn) {
    if (txn instanceof Txn.Create) {
      return OpCode.CREATE;
    } else if (txn instanceof Txn.Delete) {
      return OpCode.DELETE;
    } else if (txn instanceof Txn.SetData) {
      return OpCode.SET_DATA;
    } else if (txn instanceof Txn.SetAcl) {
      return OpCode.SET_ACL;
    } else if (txn instanceof Txn.Check) {
      return OpCode.CHECK;
    } else if (txn instanceof Txn.Multi) {
      return OpCode.MULTI;
    } else if (txn instanceof Txn.DeleteContainer) {
      return OpCode.DELETE_CONTAINER;
    } else if (txn instanceof Txn.CreateSession) {
      return OpCode.CREATE_SESSION;
    } else if (txn instanceof Txn.CloseSession) {
      return OpCode.CLOSE_SESSION;
    }
    return OpCode.ERROR;
  }

  private static void writeBody(Txn txn, JuteWriter out) {
    out.writeInt(typeOf(txn));
    if (txn instanceof Txn.Create c) {
      out.writeString(c.path());
      out.writeBuffer(c.data());
      Acl.writeList(out, c.acl());
      out.writeInt(c.mode().flag());
      out.writeLong(c.ttlMs());
    } else if (txn instanceof Txn.Delete d) {
      out.writeString(d.path());
      out.writeInt(d.expectedVersion());
    } else if (txn instanceof Txn.SetData s) {
      out.writeString(s.path());
      out.writeBuffer(s.data());
      out.writeInt(s.expectedVersion());
    } else if (txn instanceof Txn.SetAcl s) {
      out.writeString(s.path());
      Acl.writeList(out, s.acl());
      out.writeInt(s.expectedVersion());
    } else if (txn instanceof Txn.Check c) {
      out.writeString(c.path());
      out.writeInt(c.expectedVersion());
    } else if (txn instanceof Txn.Multi m) {
      out.writeInt(m.ops().size());
      for (Txn op : m.ops()) {
        writeBody(op, out);
      }
    } else if (txn instanceof Txn.DeleteContainer d) {
      out.writeString(d.path());
    } else if (txn instanceof Txn.CreateSession s) {
      out.writeInt(s.timeoutMs());
    } else if (txn instanceof Txn.Error e) {
      out.writeInt(e.err().code());
    }
  }

  /**
   * Decodes a whole payload.
   *
   * @throws MalformedRecordException when the bytes are not exactly one valid txn
   */
  public static DecodedTxn decode(byte[] payload) {
    JuteReader in = new JuteReader(payload);
    TxnHeader header =
        new TxnHeader(in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt());
    Txn txn = readBody(in, true);
    if (in.hasRemaining()) {
      throw new MalformedRecordException(in.remaining() + " trailing bytes after the txn");
    }
    return new DecodedTxn(header, txn);
  }

  private static Txn readBody(JuteReader in, boolean multiAllowed) {
    int type = in.readInt();
    switch (type) {
      case OpCode.CREATE:
        return new Txn.Create(
            path(in), in.readBuffer(), acl(in), mode(in.readInt()), in.readLong());
      case OpCode.DELETE:
        return new Txn.Delete(path(in), in.readInt());
      case OpCode.SET_DATA:
        return new Txn.SetData(path(in), in.readBuffer(), in.readInt());
      case OpCode.SET_ACL:
        return new Txn.SetAcl(path(in), acl(in), in.readInt());
      case OpCode.CHECK:
        return new Txn.Check(path(in), in.readInt());
      case OpCode.DELETE_CONTAINER:
        return new Txn.DeleteContainer(path(in));
      case OpCode.CREATE_SESSION:
        return new Txn.CreateSession(in.readInt());
      case OpCode.CLOSE_SESSION:
        return new Txn.CloseSession();
      case OpCode.ERROR:
        return new Txn.Error(errorCode(in.readInt()));
      case OpCode.MULTI:
        if (!multiAllowed) {
          throw new MalformedRecordException("a multi cannot hold a multi");
        }
        return readMulti(in);
      default:
        throw new MalformedRecordException("unknown txn type " + type);
    }
  }

  private static Txn readMulti(JuteReader in) {
    int count = in.readInt();
    if (count < 0 || count > MULTI_OPS_MAX || (long) count * TYPE_BYTES > in.remaining()) {
      throw new MalformedRecordException("multi op count " + count + " out of range");
    }
    List<Txn> ops = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ops.add(readBody(in, false));
    }
    try {
      return new Txn.Multi(ops);
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException("bad multi: " + e.getMessage());
    }
  }

  private static String path(JuteReader in) {
    String path = in.readString();
    if (path == null) {
      throw new MalformedRecordException("null path");
    }
    return path;
  }

  private static List<Acl> acl(JuteReader in) {
    List<Acl> acl = Acl.readList(in);
    if (acl == null) {
      throw new MalformedRecordException("null ACL");
    }
    return acl;
  }

  private static CreateMode mode(int flag) {
    CreateMode mode = CreateMode.fromFlag(flag);
    if (mode == null) {
      throw new MalformedRecordException("unknown create flag " + flag);
    }
    return mode;
  }

  private static ErrorCode errorCode(int code) {
    try {
      ErrorCode err = ErrorCode.fromCode(code);
      if (err.isOk()) {
        throw new MalformedRecordException("an error txn cannot carry OK");
      }
      return err;
    } catch (IllegalArgumentException e) {
      throw new MalformedRecordException("unknown error code " + code);
    }
  }
}
