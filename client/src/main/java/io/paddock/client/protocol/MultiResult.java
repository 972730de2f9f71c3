package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One per-op result of a {@link MultiResponse}, named as ZooKeeper's {@code OpResult} subclasses.
 *
 * <p>On the wire each result is a {@link MultiHeader} {@code (type(), false, err())} followed by
 * its body (PROTOCOL.md §6.3): create (1) a path, create2 (15) a path and a stat, delete (2) and
 * check (13) nothing, setData (5) a stat, getData (4) data and a stat, getChildren (8) the names,
 * error (−1) an {@link ErrorResponse} repeating the code. A reader takes the error code from the
 * body, as ZooKeeper does, and ignores the header's err for the other types.
 */
public sealed interface MultiResult {
  /** The result type written in the MultiHeader. */
  int type();

  /** The err written in the MultiHeader: 0 except for {@link ErrorResult}. */
  default int err() {
    return 0;
  }

  /** Writes the body that follows the MultiHeader (nothing for delete and check). */
  void writeBody(JuteWriter out);

  /** Writes the MultiHeader and then the body. */
  default void write(JuteWriter out) {
    new MultiHeader(type(), false, err()).write(out);
    writeBody(out);
  }

  /**
   * Reads the body of a result whose MultiHeader said {@code type}.
   *
   * @throws MalformedRecordException for a type that is not a multi result, or a body cut short
   */
  static MultiResult readBody(int type, JuteReader in) {
    return switch (type) {
      case OpCode.CREATE -> new CreateResult(CreateResponse.read(in).path());
      case OpCode.CREATE2 -> {
        Create2Response r = Create2Response.read(in);
        yield new Create2Result(r.path(), r.stat());
      }
      case OpCode.DELETE -> new DeleteResult();
      case OpCode.SET_DATA -> new SetDataResult(SetDataResponse.read(in).stat());
      case OpCode.CHECK -> new CheckResult();
      case OpCode.GET_DATA -> {
        GetDataResponse r = GetDataResponse.read(in);
        yield new GetDataResult(r.data(), r.stat());
      }
      case OpCode.GET_CHILDREN -> new GetChildrenResult(GetChildrenResponse.read(in).children());
      case OpCode.ERROR -> new ErrorResult(ErrorResponse.read(in).err());
      default -> throw new MalformedRecordException("invalid result type " + type + " in a multi");
    };
  }

  /**
   * A create op (type 1) succeeded.
   *
   * @param path the actual path, with any sequence suffix
   */
  record CreateResult(String path) implements MultiResult {
    /** Returns 1. */
    @Override
    public int type() {
      return OpCode.CREATE;
    }

    /** Writes a CreateResponse. */
    @Override
    public void writeBody(JuteWriter out) {
      out.writeString(path);
    }
  }

  /**
   * A create2, createTTL or createContainer op succeeded (type 15).
   *
   * @param path the actual path, with any sequence suffix
   * @param stat the new node's stat
   */
  record Create2Result(String path, Stat stat) implements MultiResult {
    /** Checks the stat is present. */
    public Create2Result {
      Objects.requireNonNull(stat, "stat");
    }

    /** Returns 15. */
    @Override
    public int type() {
      return OpCode.CREATE2;
    }

    /** Writes a Create2Response. */
    @Override
    public void writeBody(JuteWriter out) {
      out.writeString(path);
      stat.write(out);
    }
  }

  /** A delete op succeeded (type 2, no body). */
  record DeleteResult() implements MultiResult {
    /** Returns 2. */
    @Override
    public int type() {
      return OpCode.DELETE;
    }

    /** Writes nothing. */
    @Override
    public void writeBody(JuteWriter out) {}
  }

  /** A check op succeeded (type 13, no body). */
  record CheckResult() implements MultiResult {
    /** Returns 13. */
    @Override
    public int type() {
      return OpCode.CHECK;
    }

    /** Writes nothing. */
    @Override
    public void writeBody(JuteWriter out) {}
  }

  /**
   * A setData op succeeded (type 5).
   *
   * @param stat the node's stat after the change
   */
  record SetDataResult(Stat stat) implements MultiResult {
    /** Checks the stat is present. */
    public SetDataResult {
      Objects.requireNonNull(stat, "stat");
    }

    /** Returns 5. */
    @Override
    public int type() {
      return OpCode.SET_DATA;
    }

    /** Writes a SetDataResponse. */
    @Override
    public void writeBody(JuteWriter out) {
      stat.write(out);
    }
  }

  /**
   * A getData op of a multiRead succeeded (type 4). The data array is not copied; equality compares
   * its contents.
   *
   * @param data the node's data, may be null
   * @param stat the node's stat
   */
  record GetDataResult(byte[] data, Stat stat) implements MultiResult {
    /** Checks the stat is present. */
    public GetDataResult {
      Objects.requireNonNull(stat, "stat");
    }

    /** Returns 4. */
    @Override
    public int type() {
      return OpCode.GET_DATA;
    }

    /** Writes a GetDataResponse. */
    @Override
    public void writeBody(JuteWriter out) {
      out.writeBuffer(data);
      stat.write(out);
    }

    /** Value equality, comparing the data by content. */
    @Override
    public boolean equals(Object o) {
      return o instanceof GetDataResult other
          && Arrays.equals(data, other.data)
          && stat.equals(other.stat);
    }

    /** A hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
      return 31 * stat.hashCode() + Arrays.hashCode(data);
    }

    /** The fields, with the data shown by length only. */
    @Override
    public String toString() {
      return "GetDataResult[data=" + Jute.describe(data) + ", stat=" + stat + "]";
    }
  }

  /**
   * A getChildren op of a multiRead succeeded (type 8). The list is not copied.
   *
   * @param children the child names
   */
  record GetChildrenResult(List<String> children) implements MultiResult {
    /** Returns 8. */
    @Override
    public int type() {
      return OpCode.GET_CHILDREN;
    }

    /** Writes a GetChildrenResponse. */
    @Override
    public void writeBody(JuteWriter out) {
      out.writeStringList(children);
    }
  }

  /**
   * An op failed or, in a failed multi, did not take effect (type −1). In a failed multi every
   * result is an ErrorResult: 0 before the failing op, its code at it, RUNTIMEINCONSISTENCY (−2)
   * after it.
   *
   * @param err the {@link io.paddock.store.model.ErrorCode} number, written in the header and body
   */
  record ErrorResult(int err) implements MultiResult {
    /** Returns −1. */
    @Override
    public int type() {
      return OpCode.ERROR;
    }

    /** Writes an ErrorResponse. */
    @Override
    public void writeBody(JuteWriter out) {
      out.writeInt(err);
    }
  }
}
