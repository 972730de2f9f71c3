package io.paddock.server.interop;

import org.apache.zookeeper.data.Stat;

/** Renders a Stat for comparison, leaving out what legitimately differs between servers. */
public final class StatText {
  private StatText() {}

  /** Every field except ctime and mtime; zxids raw, ephemeralOwner raw. */
  public static String withoutTimes(Stat s) {
    return withoutTimes(s, 0, Long.toHexString(s.getEphemeralOwner()));
  }

  /**
   * Every field except ctime and mtime, with zxids shifted by {@code zxidBase} and the
   * ephemeralOwner given already normalized by the caller.
   */
  public static String withoutTimes(Stat s, long zxidBase, String owner) {
    return "czxid="
        + rel(s.getCzxid(), zxidBase)
        + " mzxid="
        + rel(s.getMzxid(), zxidBase)
        + " pzxid="
        + rel(s.getPzxid(), zxidBase)
        + " version="
        + s.getVersion()
        + " cversion="
        + s.getCversion()
        + " aversion="
        + s.getAversion()
        + " owner="
        + owner
        + " dataLength="
        + s.getDataLength()
        + " numChildren="
        + s.getNumChildren();
  }

  private static String rel(long zxid, long base) {
    // zxid 0 is the initial tree's value on every server; keep it absolute.
    return zxid == 0 ? "0" : "b+" + (zxid - base);
  }
}
