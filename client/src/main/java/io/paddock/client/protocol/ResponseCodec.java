package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.OpCode;

/**
 * Maps op codes to reply bodies (PROTOCOL.md §5): what follows a {@link ReplyHeader} with err 0.
 *
 * <p>A client knows the op of each pending request and decodes its reply with {@link #decode}, but
 * only when the header's err is 0: an error reply is the bare 16-byte header (ZooKeeper's client
 * ignores any body after a non-zero err). A failed multi is the exception that proves the rule: its
 * header err is 0 and the failure is inside the {@link MultiResponse}. A frame with xid −1 is a
 * notification: decode it as op {@link OpCode#NOTIFICATION} (0) to get the {@link WatcherEvent}.
 */
public final class ResponseCodec {
  private ResponseCodec() {}

  /**
   * True when the successful reply to this op carries a body: false for delete, ping, auth,
   * setWatches, setWatches2, checkWatches, removeWatches, deleteContainer and closeSession.
   */
  public static boolean hasBody(int opCode) {
    return switch (opCode) {
      case OpCode.DELETE,
              OpCode.PING,
              OpCode.AUTH,
              OpCode.SET_WATCHES,
              OpCode.SET_WATCHES2,
              OpCode.CHECK_WATCHES,
              OpCode.REMOVE_WATCHES,
              OpCode.DELETE_CONTAINER,
              OpCode.CLOSE_SESSION ->
          false;
      default -> true;
    };
  }

  /** True when {@link #decode} handles the op (every op a client can send, plus notification). */
  public static boolean isDecodable(int opCode) {
    return opCode == OpCode.NOTIFICATION
        || (RequestCodec.isDecodable(opCode) && opCode != OpCode.CHECK);
  }

  /**
   * Decodes the body of a successful reply to an op, from a reader positioned after the
   * ReplyHeader.
   *
   * <p>Op 1 gives a CreateResponse; ops 15, 19 and 21 a Create2Response (ZooKeeper's client reads
   * just the path of it when it sent op 19 through the 4-argument create); op 16 (reconfig) a
   * GetDataResponse; op 106 (addWatch) an ErrorResponse with err 0.
   *
   * @return the record; {@link EmptyResponse#INSTANCE} for ops whose reply has no body
   * @throws io.paddock.store.codec.MalformedRecordException if the body does not decode
   * @throws IllegalArgumentException if {@link #isDecodable} is false for the op
   */
  public static Response decode(int opCode, JuteReader in) {
    return switch (opCode) {
      case OpCode.NOTIFICATION -> WatcherEvent.read(in);
      case OpCode.CREATE -> CreateResponse.read(in);
      case OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL -> Create2Response.read(in);
      case OpCode.EXISTS -> ExistsResponse.read(in);
      case OpCode.GET_DATA, OpCode.RECONFIG -> GetDataResponse.read(in);
      case OpCode.SET_DATA -> SetDataResponse.read(in);
      case OpCode.GET_ACL -> GetAclResponse.read(in);
      case OpCode.SET_ACL -> SetAclResponse.read(in);
      case OpCode.GET_CHILDREN -> GetChildrenResponse.read(in);
      case OpCode.SYNC -> SyncResponse.read(in);
      case OpCode.GET_CHILDREN2 -> GetChildren2Response.read(in);
      case OpCode.MULTI, OpCode.MULTI_READ -> MultiResponse.read(in);
      case OpCode.SASL -> SetSaslResponse.read(in);
      case OpCode.GET_EPHEMERALS -> GetEphemeralsResponse.read(in);
      case OpCode.GET_ALL_CHILDREN_NUMBER -> GetAllChildrenNumberResponse.read(in);
      case OpCode.ADD_WATCH -> ErrorResponse.read(in);
      case OpCode.WHO_AM_I -> WhoAmIResponse.read(in);
      case OpCode.DELETE,
              OpCode.PING,
              OpCode.AUTH,
              OpCode.SET_WATCHES,
              OpCode.SET_WATCHES2,
              OpCode.CHECK_WATCHES,
              OpCode.REMOVE_WATCHES,
              OpCode.DELETE_CONTAINER,
              OpCode.CLOSE_SESSION ->
          EmptyResponse.INSTANCE;
      default -> throw new IllegalArgumentException("op code " + opCode + " has no reply decoder");
    };
  }

  /** Writes a reply frame's payload: the header, then the body (no frame length prefix). */
  public static void encode(ReplyHeader header, Response body, JuteWriter out) {
    header.write(out);
    body.write(out);
  }
}
