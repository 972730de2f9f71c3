package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of multi (14, write ops applied atomically) and multiRead (22, read ops each on its
 * own): ZooKeeper's {@code MultiOperationRecord}.
 *
 * <p>Wire form (PROTOCOL.md §6.3): for each op a {@link MultiHeader} {@code (opCode, false, −1)}
 * and the op's request record, then {@link MultiHeader#TERMINATOR} ({@code ffffffff 01 ffffffff}).
 * There is no count: the reader stops at the first header with {@code done} set.
 *
 * <p>As in ZooKeeper, one request never mixes read ops (getData, getChildren) with write ops: the
 * constructor refuses it and {@link #read} rejects it. Whether the op code of the frame (14 or 22)
 * fits the kind of the ops is the server's business ({@link #isRead()}). An empty list is allowed
 * on the wire (ZooKeeper's server answers it with just the terminator).
 *
 * <p>Decoding is bounded: at most {@link WireLimits#MULTI_OPS_MAX} ops, and every length goes
 * through {@link JuteReader}'s bounds checks.
 *
 * @param ops the ops in order; copied into an unmodifiable list
 */
public record MultiRequest(List<MultiOp> ops) implements Request {
  /**
   * Copies the ops and checks they are all reads or all writes.
   *
   * @throws IllegalArgumentException if read and write ops are mixed
   */
  public MultiRequest {
    ops = List.copyOf(ops);
    if (isMixed(ops)) {
      throw new IllegalArgumentException("a multi cannot mix read and write ops: " + ops);
    }
  }

  /** True when the list holds read ops (a multiRead body); false for write ops or no ops. */
  public boolean isRead() {
    return !ops.isEmpty() && ops.get(0).isRead();
  }

  /** Writes every op with its header, then the terminator. */
  @Override
  public void write(JuteWriter out) {
    for (MultiOp op : ops) {
      op.write(out);
    }
    MultiHeader.TERMINATOR.write(out);
  }

  /**
   * Reads a multi body with the default op limit {@link WireLimits#MULTI_OPS_MAX}.
   *
   * @throws MalformedRecordException if the body is cut short, holds an op type not allowed in a
   *     multi, mixes read and write ops, or has more ops than the limit
   */
  public static MultiRequest read(JuteReader in) {
    return read(in, WireLimits.MULTI_OPS_MAX);
  }

  /**
   * Reads a multi body holding at most {@code opsMax} ops.
   *
   * @throws MalformedRecordException as {@link #read(JuteReader)}
   */
  public static MultiRequest read(JuteReader in, int opsMax) {
    List<MultiOp> ops = new ArrayList<>();
    MultiHeader header = MultiHeader.read(in);
    while (!header.done()) {
      if (ops.size() >= opsMax) {
        throw new MalformedRecordException("multi holds more than " + opsMax + " ops");
      }
      ops.add(MultiOp.readBody(header.type(), in));
      header = MultiHeader.read(in);
    }
    if (isMixed(ops)) {
      // ZooKeeper's MultiOperationRecord.deserialize: "Mixing different kind of ops".
      throw new MalformedRecordException("multi mixes read and write ops");
    }
    return new MultiRequest(ops);
  }

  private static boolean isMixed(List<MultiOp> ops) {
    boolean reads = false;
    boolean writes = false;
    for (MultiOp op : ops) {
      if (op.isRead()) {
        reads = true;
      } else {
        writes = true;
      }
    }
    return reads && writes;
  }
}
