package io.paddock.store.model;

/**
 * ZooKeeper's error codes ({@code KeeperException.Code}) with their wire numbers and message texts.
 *
 * <p>The numbers are part of the wire protocol: a reply header carries {@link #code()}. Codes that
 * ZooKeeper never assigned (−9, −10, −104 …) have no constant; {@link #fromCode(int)} rejects them.
 */
public enum ErrorCode {
  /** Success. */
  OK(0, "ok"),
  /** Range marker for system errors; never sent. */
  SYSTEMERROR(-1, "SystemError"),
  /** Multi: the result of every op after the one that failed. */
  RUNTIMEINCONSISTENCY(-2, "RuntimeInconsistency"),
  /** A data inconsistency was found. */
  DATAINCONSISTENCY(-3, "DataInconsistency"),
  /** Client side: the connection to the server was lost. */
  CONNECTIONLOSS(-4, "ConnectionLoss"),
  /** The server could not decode or process the request. */
  MARSHALLINGERROR(-5, "MarshallingError"),
  /** Unknown op, TTL without extended types, reconfig in standalone. */
  UNIMPLEMENTED(-6, "Unimplemented"),
  /** Client side: the operation timed out. */
  OPERATIONTIMEOUT(-7, "OperationTimeout"),
  /** Bad path, flags or TTL; delete of a system node. */
  BADARGUMENTS(-8, "BadArguments"),
  /** Internal only. */
  UNKNOWNSESSION(-12, "Unknown error UNKNOWNSESSION"),
  /** Reconfig: the new configuration has no quorum. */
  NEWCONFIGNOQUORUM(-13, "NewConfigNoQuorum"),
  /** Reconfig: another reconfig is in progress. */
  RECONFIGINPROGRESS(-14, "ReconfigInProgress"),
  /** Range marker for API errors; never sent. */
  APIERROR(-100, "APIError"),
  /** The node does not exist. */
  NONODE(-101, "NoNode"),
  /** Not authorized. */
  NOAUTH(-102, "NoAuth"),
  /** The expected version does not match. */
  BADVERSION(-103, "BadVersion"),
  /** Ephemeral nodes may not have children. */
  NOCHILDRENFOREPHEMERALS(-108, "NoChildrenForEphemerals"),
  /** The node already exists. */
  NODEEXISTS(-110, "NodeExists"),
  /** The node has children. */
  NOTEMPTY(-111, "Directory not empty"),
  /** The session has expired. */
  SESSIONEXPIRED(-112, "Session expired"),
  /** Invalid callback. */
  INVALIDCALLBACK(-113, "Invalid callback"),
  /** Invalid ACL. */
  INVALIDACL(-114, "InvalidACL"),
  /** Authentication failed. */
  AUTHFAILED(-115, "AuthFailed"),
  /** The session moved to another server. */
  SESSIONMOVED(-118, "Session moved"),
  /** A write was sent to a read-only server. */
  NOTREADONLY(-119, "Not a read-only call"),
  /** An ephemeral node was requested on a local session. */
  EPHEMERALONLOCALSESSION(-120, "Ephemeral node on local session"),
  /** No such watcher. */
  NOWATCHER(-121, "No such watcher"),
  /** Client side: the request timed out. */
  REQUESTTIMEOUT(-122, "Unknown error REQUESTTIMEOUT"),
  /** Reconfig is disabled. */
  RECONFIGDISABLED(-123, "Reconfig is disabled"),
  /** The session was closed because the client failed to authenticate. */
  SESSIONCLOSEDREQUIRESASLAUTH(-124, "Session closed because client failed to authenticate"),
  /** A quota was exceeded. */
  QUOTAEXCEEDED(-125, "Quota has exceeded"),
  /** The op was throttled due to high load. */
  THROTTLEDOP(-127, "Op throttled due to high load");

  private static final int LOWEST_CODE = -127;
  private static final ErrorCode[] BY_NEGATED_CODE = new ErrorCode[-LOWEST_CODE + 1];

  static {
    for (ErrorCode e : values()) {
      BY_NEGATED_CODE[-e.code] = e;
    }
  }

  private final int code;
  private final String text;

  ErrorCode(int code, String text) {
    this.code = code;
    this.text = text;
  }

  /** The number on the wire. */
  public int code() {
    return code;
  }

  /** ZooKeeper's message text for this code, as in {@code KeeperErrorCode = <text>}. */
  public String text() {
    return text;
  }

  /** True for {@link #OK}. */
  public boolean isOk() {
    return this == OK;
  }

  /**
   * The constant for a wire number.
   *
   * @throws IllegalArgumentException if ZooKeeper defines no such code
   */
  public static ErrorCode fromCode(int code) {
    if (code > 0 || code < LOWEST_CODE || BY_NEGATED_CODE[-code] == null) {
      throw new IllegalArgumentException("unknown ZooKeeper error code " + code);
    }
    return BY_NEGATED_CODE[-code];
  }

  /** The message a ZooKeeper client shows: {@code KeeperErrorCode = NoNode for /a}. */
  public String describe(String path) {
    return path == null
        ? "KeeperErrorCode = " + text
        : "KeeperErrorCode = " + text + " for " + path;
  }
}
