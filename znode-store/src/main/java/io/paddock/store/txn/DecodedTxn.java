package io.paddock.store.txn;

import java.util.Objects;

/**
 * A txn read back by {@link TxnCodec#decode(byte[])}.
 *
 * @param header the header
 * @param txn the body
 */
public record DecodedTxn(TxnHeader header, Txn txn) {
  /** Checks both parts are present. */
  public DecodedTxn {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(txn, "txn");
  }
}
