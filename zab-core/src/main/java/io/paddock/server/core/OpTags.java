package io.paddock.server.core;

import io.paddock.store.model.OpCode;

/** The four-letter op tags ZooKeeper shows as {@code lop} in {@code cons} (PROTOCOL 11). */
final class OpTags {
  /** The tag before any request was answered. */
  static final String NONE = "NA";

  private OpTags() {}

  static String of(int opCode) {
    return switch (opCode) {
      case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL -> "CREA";
      case OpCode.DELETE, OpCode.DELETE_CONTAINER -> "DELE";
      case OpCode.SET_DATA -> "SETD";
      case OpCode.SET_ACL -> "SETA";
      case OpCode.MULTI -> "MULT";
      case OpCode.MULTI_READ -> "MLTR";
      case OpCode.CHECK -> "CHEC";
      case OpCode.SYNC -> "SYNC";
      case OpCode.EXISTS -> "EXIS";
      case OpCode.GET_DATA -> "GETD";
      case OpCode.GET_ACL -> "GETA";
      case OpCode.GET_CHILDREN, OpCode.GET_CHILDREN2 -> "GETC";
      case OpCode.GET_ALL_CHILDREN_NUMBER -> "GETACN";
      case OpCode.GET_EPHEMERALS -> "GETE";
      case OpCode.SET_WATCHES -> "SETW";
      case OpCode.SET_WATCHES2 -> "STW2";
      case OpCode.ADD_WATCH -> "ADDW";
      case OpCode.CHECK_WATCHES -> "CHKW";
      case OpCode.REMOVE_WATCHES -> "REMW";
      case OpCode.WHO_AM_I -> "HOMI";
      case OpCode.PING -> "PING";
      case OpCode.CLOSE_SESSION -> "CLOS";
      case OpCode.CREATE_SESSION -> "SESS";
      case OpCode.RECONFIG -> "RECO";
      default -> NONE;
    };
  }
}
