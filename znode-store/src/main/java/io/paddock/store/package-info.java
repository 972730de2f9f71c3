/**
 * The znode store: the znode model, the jute codec, the DataTree state machine, the watch registry,
 * the durable txn log, snapshots and recovery. Nothing here opens a socket, starts a thread or
 * reads a clock; time arrives inside txns and files arrive through {@link io.paddock.store.io}
 * seams.
 */
package io.paddock.store;
