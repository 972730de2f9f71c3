package io.paddock.server.badinput;

import io.paddock.client.protocol.ReplyHeader;
import io.paddock.store.model.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a server did with bad input on one connection: the reply headers it wrote, in order, then
 * whether it closed the connection ({@code closed}) or kept it open (proven by an answered ping).
 *
 * <p>{@link #text()} is the form tests compare, written out in each test: {@code "closed without
 * reply"}, or replies such as {@code "reply xid=5 zxid=-1 UNIMPLEMENTED"} joined by {@code "; "}
 * and followed by {@code "; closed"} or {@code "; open"}. A zxid is shown as {@code -1} or {@code
 * 0} when it is one of those special values and as {@code zxid} when it is a real (positive) zxid,
 * whose exact value depends on the history of the server.
 */
record Outcome(List<ReplyHeader> replies, boolean closed) {
  /** The text of a connection closed before any reply. */
  static final String CLOSED_WITHOUT_REPLY = "closed without reply";

  /** The comparable text. */
  String text() {
    if (replies.isEmpty()) {
      return closed ? CLOSED_WITHOUT_REPLY : "open without reply";
    }
    return replies.stream().map(Outcome::describe).collect(Collectors.joining("; "))
        + (closed ? "; closed" : "; open");
  }

  /** One reply header as text: {@code reply xid=X zxid=Z CODE}. */
  static String describe(ReplyHeader h) {
    String zxid =
        h.zxid() == -1
            ? "-1"
            : h.zxid() == 0 ? "0" : h.zxid() > 0 ? "zxid" : "0x" + Long.toHexString(h.zxid());
    return "reply xid=" + h.xid() + " zxid=" + zxid + " " + codeName(h.err());
  }

  /** The name of an error code ({@code OK} for 0), or the number when it is not a known code. */
  static String codeName(int err) {
    if (err == 0) {
      return "OK";
    }
    try {
      return ErrorCode.fromCode(err).name();
    } catch (RuntimeException unknown) {
      return Integer.toString(err);
    }
  }

  @Override
  public String toString() {
    return text();
  }
}
