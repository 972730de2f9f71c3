package io.paddock.store.tree.model;

import io.paddock.store.model.Zxid;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;

/** Readable, unambiguous one-line renderings of txns and values for failure messages. */
final class Describe {
  private static final int BYTES_SHOWN_MAX = 16;

  private Describe() {}

  /** A header and its txn. */
  static String step(TxnHeader h, Txn txn) {
    return String.format(
            "[session=0x%x cxid=%d zxid=0x%s time=%d type=%d] ",
            h.sessionId(), h.cxid(), Zxid.toHex(h.zxid()), h.timeMs(), h.type())
        + txn(txn);
  }

  /** A txn, with its data shown as hex and its paths escaped. */
  static String txn(Txn txn) {
    if (txn instanceof Txn.Create c) {
      return escape(
          "Create("
              + c.path()
              + ", "
              + bytes(c.data())
              + ", "
              + c.acl()
              + ", "
              + c.mode()
              + (c.mode().isTtl() ? ", ttl=" + c.ttlMs() : "")
              + ")");
    } else if (txn instanceof Txn.SetData s) {
      return escape(
          "SetData(" + s.path() + ", " + bytes(s.data()) + ", v=" + s.expectedVersion() + ")");
    } else if (txn instanceof Txn.Multi m) {
      List<String> ops = new ArrayList<>();
      for (Txn op : m.ops()) {
        ops.add(txn(op));
      }
      return "Multi" + ops;
    }
    return escape(String.valueOf(txn));
  }

  /** Data as {@code null}, or its length and leading bytes in hex. */
  static String bytes(byte[] data) {
    if (data == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder().append(data.length).append("B:");
    for (int i = 0; i < Math.min(data.length, BYTES_SHOWN_MAX); i++) {
      sb.append(String.format("%02x", data[i] & 0xff));
    }
    return data.length > BYTES_SHOWN_MAX ? sb.append("…").toString() : sb.toString();
  }

  /** A getData answer. */
  static String data(ZnodeData d) {
    return d == null ? "null" : "ZnodeData[" + bytes(d.data()) + ", " + d.stat() + "]";
  }

  /** Any value; byte arrays and odd characters made visible. */
  static String value(Object o) {
    if (o instanceof byte[] b) {
      return bytes(b);
    } else if (o instanceof ZnodeData d) {
      return escape(data(d));
    }
    return escape(String.valueOf(o));
  }

  /** Control, private-use and special characters as {@code \}{@code uXXXX}. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c >= 0xd800) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
