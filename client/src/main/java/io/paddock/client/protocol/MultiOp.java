package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import java.util.Objects;

/**
 * One op of a {@link MultiRequest}: the op code of its MultiHeader and its request record.
 *
 * <p>The valid pairs (PROTOCOL.md §6.3): create (1), create2 (15) and createContainer (19) with a
 * {@link CreateRequest}; createTTL (21) with a {@link CreateTtlRequest}; delete (2) with a {@link
 * DeleteRequest}; setData (5) with a {@link SetDataRequest}; check (13) with a {@link
 * CheckVersionRequest}; and, for multiRead only, getData (4) with a {@link GetDataRequest} and
 * getChildren (8) with a {@link GetChildrenRequest}. The constructor refuses any other pair.
 *
 * <p>ZooKeeper 3.9.3's decoder ({@code MultiOperationRecord.deserialize}) also refuses a create,
 * create2 or createContainer op whose flags are not 0..4 (flags 5 and 6 would need the TTL record)
 * or whose ACL is the null vector, which fails the whole multi with MARSHALLINGERROR. The
 * constructor refuses those too, and {@link #readBody} rejects them as malformed, so every value of
 * this type is one ZooKeeper can decode. The same decoder re-types some create ops by their flags;
 * see {@link #effectiveType()}.
 *
 * @param type the op code written in the MultiHeader
 * @param request the op's request record
 */
public record MultiOp(int type, Request request) {
  /**
   * Checks that the record matches the op code.
   *
   * @throws IllegalArgumentException for an op code not allowed in a multi, or a record of the
   *     wrong kind for it
   */
  public MultiOp {
    Objects.requireNonNull(request, "request");
    Class<?> expected = recordFor(type);
    if (expected == null) {
      throw new IllegalArgumentException("op code " + type + " is not allowed in a multi");
    }
    if (!expected.isInstance(request)) {
      throw new IllegalArgumentException(
          "op code " + type + " needs a " + expected.getSimpleName() + ", not " + request);
    }
    String invalid = undecodableReason(type, request);
    if (invalid != null) {
      throw new IllegalArgumentException(invalid);
    }
  }

  /** A create (op 1); its result is a path only. */
  public static MultiOp create(CreateRequest request) {
    return new MultiOp(OpCode.CREATE, request);
  }

  /** A create2 (op 15); its result carries the path and the stat. */
  public static MultiOp create2(CreateRequest request) {
    return new MultiOp(OpCode.CREATE2, request);
  }

  /** A createContainer (op 19); the request's flags should be 4. */
  public static MultiOp createContainer(CreateRequest request) {
    return new MultiOp(OpCode.CREATE_CONTAINER, request);
  }

  /** A createTTL (op 21). */
  public static MultiOp createTtl(CreateTtlRequest request) {
    return new MultiOp(OpCode.CREATE_TTL, request);
  }

  /** A delete (op 2). */
  public static MultiOp delete(DeleteRequest request) {
    return new MultiOp(OpCode.DELETE, request);
  }

  /** A setData (op 5). */
  public static MultiOp setData(SetDataRequest request) {
    return new MultiOp(OpCode.SET_DATA, request);
  }

  /** A version check (op 13). */
  public static MultiOp check(CheckVersionRequest request) {
    return new MultiOp(OpCode.CHECK, request);
  }

  /** A getData (op 4), for multiRead only. */
  public static MultiOp getData(GetDataRequest request) {
    return new MultiOp(OpCode.GET_DATA, request);
  }

  /** A getChildren (op 8), for multiRead only. */
  public static MultiOp getChildren(GetChildrenRequest request) {
    return new MultiOp(OpCode.GET_CHILDREN, request);
  }

  /** True for the read ops (getData, getChildren) that only multiRead may hold. */
  public boolean isRead() {
    return isReadType(type);
  }

  /**
   * The op code ZooKeeper 3.9.3's decoder gives this op, which its server then executes: a create
   * or create2 with flag 4 becomes a createContainer; a createTTL whose flags are not a TTL mode
   * becomes a createContainer (flag 4) or a plain create (anything else, the ttl being dropped).
   * Every other op keeps {@link #type()}.
   */
  public int effectiveType() {
    if (request instanceof CreateTtlRequest ttl) {
      CreateMode mode = CreateMode.fromFlag(ttl.flags());
      if (mode != null && mode.isTtl()) {
        return OpCode.CREATE_TTL;
      }
      return mode != null && mode.isContainer() ? OpCode.CREATE_CONTAINER : OpCode.CREATE;
    }
    if (request instanceof CreateRequest create && create.flags() == CreateMode.CONTAINER.flag()) {
      return OpCode.CREATE_CONTAINER;
    }
    return type;
  }

  /** Writes the MultiHeader {@code (type, false, −1)} and then the request record. */
  public void write(JuteWriter out) {
    new MultiHeader(type, false, -1).write(out);
    request.write(out);
  }

  /**
   * Reads the request record of an op whose MultiHeader said {@code type}.
   *
   * @throws MalformedRecordException for an op code not allowed in a multi, a record cut short, or
   *     a create op ZooKeeper's decoder refuses (flags outside 0..6, null ACL)
   */
  public static MultiOp readBody(int type, JuteReader in) {
    Request request =
        switch (type) {
          case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.read(in);
          case OpCode.CREATE_TTL -> CreateTtlRequest.read(in);
          case OpCode.DELETE -> DeleteRequest.read(in);
          case OpCode.SET_DATA -> SetDataRequest.read(in);
          case OpCode.CHECK -> CheckVersionRequest.read(in);
          case OpCode.GET_DATA -> GetDataRequest.read(in);
          case OpCode.GET_CHILDREN -> GetChildrenRequest.read(in);
          default -> throw new MalformedRecordException("invalid op type " + type + " in a multi");
        };
    String invalid = undecodableReason(type, request);
    if (invalid != null) {
      throw new MalformedRecordException(invalid);
    }
    return new MultiOp(type, request);
  }

  /** Why ZooKeeper 3.9.3's MultiOperationRecord decoder would refuse the op, or null. */
  private static String undecodableReason(int type, Request request) {
    if (type == OpCode.CREATE_TTL || !(request instanceof CreateRequest create)) {
      return null;
    }
    CreateMode mode = CreateMode.fromFlag(create.flags());
    if (mode == null) {
      return "invalid flag " + create.flags() + " for create mode";
    }
    if (mode.isTtl()) {
      // ZooKeeper builds a TTL op with ttl -1, whose validation fails the decode.
      return "TTL flag " + create.flags() + " in a create op without a ttl";
    }
    return create.acl() == null ? "acl is mandatory for create options" : null;
  }

  static boolean isReadType(int type) {
    return type == OpCode.GET_DATA || type == OpCode.GET_CHILDREN;
  }

  private static Class<?> recordFor(int type) {
    return switch (type) {
      case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.class;
      case OpCode.CREATE_TTL -> CreateTtlRequest.class;
      case OpCode.DELETE -> DeleteRequest.class;
      case OpCode.SET_DATA -> SetDataRequest.class;
      case OpCode.CHECK -> CheckVersionRequest.class;
      case OpCode.GET_DATA -> GetDataRequest.class;
      case OpCode.GET_CHILDREN -> GetChildrenRequest.class;
      default -> null;
    };
  }
}
