package io.paddock.server.zab.sim;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.tree.ZnodeData;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnCodec;
import io.paddock.store.txn.TxnHeader;
import java.nio.ByteBuffer;

/** Encoding of the simulated clients' register ops as txns, and of values as node data. */
final class SimClients {

  private SimClients() {}

  static byte[] txnOf(ClientOp op) {
    byte[] data = ByteBuffer.allocate(4).putInt(op.value).array();
    Txn txn =
        switch (op.kind) {
          case CREATE ->
              new Txn.Create(op.key, data, Acl.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, 0);
          case SET -> new Txn.SetData(op.key, data, -1);
          case CAS -> new Txn.SetData(op.key, data, op.expectedVersion);
          case READ -> throw new IllegalArgumentException("a read is no txn");
        };
    int type = op.kind == ClientOp.Kind.CREATE ? OpCode.CREATE : OpCode.SET_DATA;
    return TxnCodec.encode(new TxnHeader(op.client, op.opId, 0, 0, type), txn);
  }

  /** Fills a read's result from the node (absent: -1, -1). */
  static void readInto(ClientOp op, ZnodeData node) {
    if (node == null) {
      op.readValue = -1;
      op.version = -1;
    } else {
      op.readValue = ByteBuffer.wrap(node.data()).getInt();
      op.version = node.stat().version();
    }
  }
}
