package io.paddock.client.protocol;

/**
 * The special xids of the request and reply headers (ZooKeeper's {@code ClientCnxn} constants), and
 * the rule by which ZooKeeper's client numbers normal requests.
 *
 * <p>Normal xids are 1..{@code Integer.MAX_VALUE − 1}. The server echoes whatever xid it gets,
 * special or not.
 */
public final class Xids {
  /** S→C watch notification: {@code ReplyHeader(−1, zxid, 0)} followed by a WatcherEvent. */
  public static final int NOTIFICATION = -1;

  /** Ping request (op 11) and its reply. */
  public static final int PING = -2;

  /** Auth request (op 100) and its reply; the reply carries zxid 0 and may overtake others. */
  public static final int AUTH = -4;

  /**
   * SetWatches / SetWatches2. ZooKeeper's Java client builds the packet with it but replaces it
   * with a normal xid before sending; other clients (the C client) do send it.
   */
  public static final int SET_WATCHES = -8;

  /** The first normal xid of a connection's client. */
  public static final int FIRST = 1;

  private Xids() {}

  /** True for the four special xids above. */
  public static boolean isSpecial(int xid) {
    return xid == NOTIFICATION || xid == PING || xid == AUTH || xid == SET_WATCHES;
  }

  /**
   * The normal xid that follows {@code previous}, as ZooKeeper's {@code ClientCnxn.getXid}: one up,
   * wrapping to {@link #FIRST} instead of ever using {@code Integer.MAX_VALUE}. Anything outside
   * the normal range restarts at {@link #FIRST}.
   */
  public static int next(int previous) {
    return previous < FIRST || previous >= Integer.MAX_VALUE - 1 ? FIRST : previous + 1;
  }
}
