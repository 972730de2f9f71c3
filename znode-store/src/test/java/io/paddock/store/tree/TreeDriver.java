package io.paddock.store.tree;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Drives a DataTree with increasing zxids and times, and records every txn it applied. */
final class TreeDriver {
  static final long SESSION = 0x1000L;

  final DataTree tree;
  final List<TxnHeader> headers = new ArrayList<>();
  final List<Txn> txns = new ArrayList<>();
  long zxid;
  long timeMs = 1_700_000_000_000L;

  TreeDriver() {
    this(new DataTree());
  }

  TreeDriver(DataTree tree) {
    this.tree = tree;
    this.zxid = tree.lastProcessedZxid();
  }

  ApplyResult apply(long sessionId, Txn txn) {
    zxid++;
    timeMs += 7;
    TxnHeader h = new TxnHeader(sessionId, 1, zxid, timeMs, OpCode.MULTI);
    headers.add(h);
    txns.add(txn);
    return tree.apply(h, txn);
  }

  ApplyResult apply(Txn txn) {
    return apply(SESSION, txn);
  }

  ApplyResult create(String path, String data) {
    return create(path, data, CreateMode.PERSISTENT);
  }

  ApplyResult create(String path, String data, CreateMode mode) {
    return apply(createTxn(path, data, mode, 0));
  }

  static Txn.Create createTxn(String path, String data, CreateMode mode) {
    return createTxn(path, data, mode, 0);
  }

  static Txn.Create createTxn(String path, String data, CreateMode mode, long ttlMs) {
    return new Txn.Create(path, bytes(data), Acl.OPEN_ACL_UNSAFE, mode, ttlMs);
  }

  static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  /** The path of a Created result. */
  static String createdPath(ApplyResult r) {
    return ((OpResult.Created) r.result()).path();
  }
}
