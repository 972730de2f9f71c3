/**
 * Lock examples: the plain exclusive lock of ZooKeeper's recipe page, and the herd-free mutex with
 * fencing tokens and guarded writes.
 */
package io.paddock.examples.locks;
