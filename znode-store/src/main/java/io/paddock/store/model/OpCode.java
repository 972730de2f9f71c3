package io.paddock.store.model;

/**
 * ZooKeeper's op codes ({@code ZooDefs.OpCode}): the {@code type} of a request header, of a txn
 * header and of a multi header.
 */
public final class OpCode {
  /** A watch notification (never a request). */
  public static final int NOTIFICATION = 0;

  /** create. */
  public static final int CREATE = 1;

  /** delete. */
  public static final int DELETE = 2;

  /** exists. */
  public static final int EXISTS = 3;

  /** getData. */
  public static final int GET_DATA = 4;

  /** setData. */
  public static final int SET_DATA = 5;

  /** getACL. */
  public static final int GET_ACL = 6;

  /** setACL. */
  public static final int SET_ACL = 7;

  /** getChildren. */
  public static final int GET_CHILDREN = 8;

  /** sync. */
  public static final int SYNC = 9;

  /** ping. */
  public static final int PING = 11;

  /** getChildren2 (children and stat). */
  public static final int GET_CHILDREN2 = 12;

  /** check (a version check, valid only inside multi). */
  public static final int CHECK = 13;

  /** multi (write ops, atomic). */
  public static final int MULTI = 14;

  /** create2 (create returning a stat). */
  public static final int CREATE2 = 15;

  /** reconfig. */
  public static final int RECONFIG = 16;

  /** checkWatches. */
  public static final int CHECK_WATCHES = 17;

  /** removeWatches. */
  public static final int REMOVE_WATCHES = 18;

  /** createContainer. */
  public static final int CREATE_CONTAINER = 19;

  /** deleteContainer. */
  public static final int DELETE_CONTAINER = 20;

  /** createTTL. */
  public static final int CREATE_TTL = 21;

  /** multiRead (read ops, each on its own). */
  public static final int MULTI_READ = 22;

  /** auth. */
  public static final int AUTH = 100;

  /** setWatches. */
  public static final int SET_WATCHES = 101;

  /** sasl. */
  public static final int SASL = 102;

  /** getEphemerals. */
  public static final int GET_EPHEMERALS = 103;

  /** getAllChildrenNumber. */
  public static final int GET_ALL_CHILDREN_NUMBER = 104;

  /** setWatches2 (with persistent watches). */
  public static final int SET_WATCHES2 = 105;

  /** addWatch. */
  public static final int ADD_WATCH = 106;

  /** whoAmI. */
  public static final int WHO_AM_I = 107;

  /** createSession (a txn type; clients use the connect request). */
  public static final int CREATE_SESSION = -10;

  /** closeSession. */
  public static final int CLOSE_SESSION = -11;

  /** The error txn type, and the type of an error result in a multi response. */
  public static final int ERROR = -1;

  private OpCode() {}
}
