package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;

/**
 * Maps op codes to request records (PROTOCOL.md §5): which ops are valid packets, and how to decode
 * the body that follows a {@link RequestHeader}.
 *
 * <p>A server reads the RequestHeader, then: an op for which {@link #isAcceptedPacket} is false
 * gets {@code ReplyHeader(xid, −1, UNIMPLEMENTED)} and the connection is closed (ZooKeeper's rule
 * for op 0, op 13 alone, and unknown codes); otherwise {@link #decode} gives the body. Bytes left
 * in the frame after the body are ignored, as in ZooKeeper.
 */
public final class RequestCodec {
  private RequestCodec() {}

  /**
   * ZooKeeper 3.9.3's {@code Request.isValid}: the ops the request pipeline accepts. True for −11,
   * −10, 1..9, 11, 12, 14..22, 101 and 103..107; false for notification (0), check alone (13), and
   * every unknown code. Auth (100) and sasl (102) are false here because ZooKeeper handles them on
   * the connection before the pipeline; see {@link #isAcceptedPacket}.
   */
  public static boolean isValid(int opCode) {
    return switch (opCode) {
      case OpCode.CLOSE_SESSION,
              OpCode.CREATE_SESSION,
              OpCode.CREATE,
              OpCode.DELETE,
              OpCode.EXISTS,
              OpCode.GET_DATA,
              OpCode.SET_DATA,
              OpCode.GET_ACL,
              OpCode.SET_ACL,
              OpCode.GET_CHILDREN,
              OpCode.SYNC,
              OpCode.PING,
              OpCode.GET_CHILDREN2,
              OpCode.MULTI,
              OpCode.CREATE2,
              OpCode.RECONFIG,
              OpCode.CHECK_WATCHES,
              OpCode.REMOVE_WATCHES,
              OpCode.CREATE_CONTAINER,
              OpCode.DELETE_CONTAINER,
              OpCode.CREATE_TTL,
              OpCode.MULTI_READ,
              OpCode.SET_WATCHES,
              OpCode.GET_EPHEMERALS,
              OpCode.GET_ALL_CHILDREN_NUMBER,
              OpCode.SET_WATCHES2,
              OpCode.ADD_WATCH,
              OpCode.WHO_AM_I ->
          true;
      default -> false;
    };
  }

  /**
   * True when a server must not answer the op with UNIMPLEMENTED: {@link #isValid} plus auth (100)
   * and sasl (102).
   */
  public static boolean isAcceptedPacket(int opCode) {
    return isValid(opCode) || opCode == OpCode.AUTH || opCode == OpCode.SASL;
  }

  /**
   * True when {@link #decode} handles the op: every accepted packet except createSession (−10).
   * ZooKeeper lists createSession as valid (it would read a 4-byte timeout from the body and open a
   * session), but it is an internal txn type with no client request record; a client opens a
   * session with a {@link ConnectRequest}, so a server should refuse it.
   */
  public static boolean isDecodable(int opCode) {
    return isAcceptedPacket(opCode) && opCode != OpCode.CREATE_SESSION;
  }

  /** True when a request of this op carries a body; false for ping, whoAmI and closeSession. */
  public static boolean hasBody(int opCode) {
    return opCode != OpCode.PING && opCode != OpCode.WHO_AM_I && opCode != OpCode.CLOSE_SESSION;
  }

  /**
   * Decodes the request body of an op from a reader positioned after the RequestHeader.
   *
   * @return the record; {@link EmptyRequest#INSTANCE} for ops without a body
   * @throws io.paddock.store.codec.MalformedRecordException if the body does not decode
   * @throws IllegalArgumentException if {@link #isDecodable} is false for the op (check it first)
   */
  public static Request decode(int opCode, JuteReader in) {
    return switch (opCode) {
      case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER -> CreateRequest.read(in);
      case OpCode.CREATE_TTL -> CreateTtlRequest.read(in);
      case OpCode.DELETE -> DeleteRequest.read(in);
      case OpCode.EXISTS -> ExistsRequest.read(in);
      case OpCode.GET_DATA -> GetDataRequest.read(in);
      case OpCode.SET_DATA -> SetDataRequest.read(in);
      case OpCode.GET_ACL -> GetAclRequest.read(in);
      case OpCode.SET_ACL -> SetAclRequest.read(in);
      case OpCode.GET_CHILDREN -> GetChildrenRequest.read(in);
      case OpCode.SYNC -> SyncRequest.read(in);
      case OpCode.GET_CHILDREN2 -> GetChildren2Request.read(in);
      case OpCode.MULTI, OpCode.MULTI_READ -> MultiRequest.read(in);
      case OpCode.RECONFIG -> ReconfigRequest.read(in);
      case OpCode.CHECK_WATCHES -> CheckWatchesRequest.read(in);
      case OpCode.REMOVE_WATCHES -> RemoveWatchesRequest.read(in);
      case OpCode.DELETE_CONTAINER -> DeleteContainerRequest.read(in);
      case OpCode.AUTH -> AuthPacket.read(in);
      case OpCode.SET_WATCHES -> SetWatches.read(in);
      case OpCode.SASL -> GetSaslRequest.read(in);
      case OpCode.GET_EPHEMERALS -> GetEphemeralsRequest.read(in);
      case OpCode.GET_ALL_CHILDREN_NUMBER -> GetAllChildrenNumberRequest.read(in);
      case OpCode.SET_WATCHES2 -> SetWatches2.read(in);
      case OpCode.ADD_WATCH -> AddWatchRequest.read(in);
      case OpCode.PING, OpCode.WHO_AM_I, OpCode.CLOSE_SESSION -> EmptyRequest.INSTANCE;
      default ->
          throw new IllegalArgumentException("op code " + opCode + " has no request decoder");
    };
  }

  /** Writes a request frame's payload: the header, then the body (no frame length prefix). */
  public static void encode(RequestHeader header, Request body, JuteWriter out) {
    header.write(out);
    body.write(out);
  }
}
